import * as tf from '@tensorflow/tfjs';

export function invertedDropout(x: tf.Tensor, u: tf.Tensor, p: number, training: boolean): tf.Tensor {
  if (!training) return x.clone();
  // Bug: drops but never rescales, so the expected activation shrinks to (1 − p)·x in training.
  return tf.tidy(() => x.mul(tf.greaterEqual(u, p).cast('float32')));
}
