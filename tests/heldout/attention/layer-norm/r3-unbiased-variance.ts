// Held-out wrong variant: the variance is the unbiased estimate (sum of squared deviations divided by d - 1) instead of the biased one (divided by d).
import * as tf from '@tensorflow/tfjs';

export function layerNorm(x: tf.Tensor, gamma: tf.Tensor, beta: tf.Tensor, eps: number): tf.Tensor {
  return tf.tidy(() => {
    const d = x.shape[x.rank - 1];
    const mean = tf.mean(x, -1, true);
    const centred = tf.sub(x, mean);
    const variance = tf.sum(tf.square(centred), -1, true).div(d - 1);
    const normed = tf.mul(centred, tf.rsqrt(tf.add(variance, eps)));
    return tf.add(tf.mul(normed, gamma), beta);
  });
}
