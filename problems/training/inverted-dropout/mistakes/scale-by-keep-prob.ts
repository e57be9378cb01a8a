import * as tf from '@tensorflow/tfjs';

export function invertedDropout(x: tf.Tensor, u: tf.Tensor, p: number, training: boolean): tf.Tensor {
  if (!training) return x.clone();
  // Bug: multiplies by (1 − p) instead of dividing by it.
  return tf.tidy(() => x.mul(tf.greaterEqual(u, p).cast('float32')).mul(1 - p));
}
