// Held-out wrong variant: dgamma and dbeta are summed over axis 0 only, which is right for [N, D] but not for rank-1 or rank-3 inputs.
import * as tf from '@tensorflow/tfjs';

export function layerNormBackward(x: tf.Tensor, gamma: tf.Tensor1D, dy: tf.Tensor, eps: number) {
  return tf.tidy(() => {
    const mu = tf.mean(x, -1, true);
    const xc = tf.sub(x, mu);
    const variance = tf.mean(tf.square(xc), -1, true);
    const rstd = tf.rsqrt(tf.add(variance, eps));
    const xhat = tf.mul(xc, rstd);
    const g = tf.mul(dy, gamma);
    const gMean = tf.mean(g, -1, true);
    const gxMean = tf.mean(tf.mul(g, xhat), -1, true);
    const dx = tf.mul(rstd, tf.sub(tf.sub(g, gMean), tf.mul(xhat, gxMean)));
    const dgamma = tf.sum(tf.mul(dy, xhat), 0);
    const dbeta = tf.sum(dy, 0);
    return { dx, dgamma, dbeta };
  });
}
