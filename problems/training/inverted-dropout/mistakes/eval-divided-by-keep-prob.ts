import * as tf from '@tensorflow/tfjs';

export function invertedDropout(x: tf.Tensor, u: tf.Tensor, p: number, training: boolean): tf.Tensor {
  return tf.tidy(() => {
    const masked = training ? x.mul(tf.greaterEqual(u, p).cast('float32')) : x;
    // Bug: the 1/(1 − p) rescale is applied on both paths, so evaluation returns x / (1 − p).
    return masked.div(1 - p);
  });
}
