import * as tf from '@tensorflow/tfjs';

export function rmsNorm(x: tf.Tensor, gamma: tf.Tensor, eps: number): tf.Tensor {
  return tf.tidy(() => {
    // Bug: divides x by the row's standard deviation (centred in the statistic only), not its RMS.
    const mean = tf.mean(x, -1, true);
    const variance = tf.mean(tf.square(tf.sub(x, mean)), -1, true);
    return tf.mul(tf.mul(x, tf.rsqrt(tf.add(variance, eps))), gamma);
  });
}
