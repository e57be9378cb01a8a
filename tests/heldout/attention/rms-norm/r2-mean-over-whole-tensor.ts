// Held-out wrong variant: takes the mean of the squares over the whole tensor (every row and batch element) instead of per row over the last axis.
import * as tf from '@tensorflow/tfjs';

export function rmsNorm(x: tf.Tensor, gamma: tf.Tensor, eps: number): tf.Tensor {
  return tf.tidy(() => {
    const ms = tf.mean(tf.square(x));
    const rms = tf.sqrt(tf.add(ms, eps));
    return tf.mul(tf.div(x, rms), gamma);
  });
}
