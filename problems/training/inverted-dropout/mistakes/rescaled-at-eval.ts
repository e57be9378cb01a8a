import * as tf from '@tensorflow/tfjs';

export function invertedDropout(x: tf.Tensor, u: tf.Tensor, p: number, training: boolean): tf.Tensor {
  // Bug: mixes inverted dropout with classic dropout's test-time scaling; at evaluation the
  // activations are scaled by (1 − p) although training already compensated.
  if (!training) return x.mul(1 - p);
  return tf.tidy(() => x.mul(tf.greaterEqual(u, p).cast('float32')).div(1 - p));
}
