import * as tf from '@tensorflow/tfjs';

export function invertedDropout(x: tf.Tensor, u: tf.Tensor, p: number, training: boolean): tf.Tensor {
  // Bug: drops units at evaluation time too.
  return tf.tidy(() => x.mul(tf.greaterEqual(u, p).cast('float32')).div(1 - p));
}
