// Held-out wrong variant: the dx formula uses the raw upstream dy instead of g = dy * gamma (the affine scale is left out of the input gradient).
import * as tf from '@tensorflow/tfjs';

export function layerNormBackward(x: tf.Tensor, gamma: tf.Tensor1D, dy: tf.Tensor, eps: number) {
  return tf.tidy(() => {
    const mu = tf.mean(x, -1, true);
    const xc = tf.sub(x, mu);
    const variance = tf.mean(tf.square(xc), -1, true);
    const rstd = tf.rsqrt(tf.add(variance, eps));
    const xhat = tf.mul(xc, rstd);
    const g = dy;
    const gMean = tf.mean(g, -1, true);
    const gxMean = tf.mean(tf.mul(g, xhat), -1, true);
    const dx = tf.mul(rstd, tf.sub(tf.sub(g, gMean), tf.mul(xhat, gxMean)));
    const D = x.shape[x.shape.length - 1];
    const dgamma = tf.reshape(tf.mul(dy, xhat), [-1, D]).sum(0);
    const dbeta = tf.reshape(dy, [-1, D]).sum(0);
    return { dx, dgamma, dbeta };
  });
}
