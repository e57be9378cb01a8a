// Held-out wrong variant: dx omits the term from the variance's dependence on x, using dx = (g − mean(g))/√(σ²+ε) without the − x̂·mean(g·x̂) correction.
import * as tf from '@tensorflow/tfjs';

export function layerNormBackward(x: tf.Tensor, gamma: tf.Tensor1D, dy: tf.Tensor, eps: number) {
  const D = x.shape[x.shape.length - 1];
  return tf.tidy(() => {
    const mu = tf.mean(x, -1, true);
    const xc = tf.sub(x, mu);
    const variance = tf.mean(tf.square(xc), -1, true);
    const invStd = tf.rsqrt(tf.add(variance, eps));
    const xhat = tf.mul(xc, invStd);
    const g = tf.mul(dy, gamma);
    const gMean = tf.mean(g, -1, true);
    const dx = tf.mul(tf.sub(g, gMean), invStd);
    const dy2 = dy.reshape([-1, D]);
    const dgamma = tf.sum(tf.mul(dy2, xhat.reshape([-1, D])), 0);
    const dbeta = tf.sum(dy2, 0);
    return { dx, dgamma, dbeta };
  });
}
