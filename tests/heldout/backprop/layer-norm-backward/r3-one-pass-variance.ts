// Held-out wrong variant: the variance is computed in one pass as E[x²] − μ², which cancels catastrophically in float32 for rows with a large offset (≈1000 ± 1).
import * as tf from '@tensorflow/tfjs';

export function layerNormBackward(x: tf.Tensor, gamma: tf.Tensor1D, dy: tf.Tensor, eps: number) {
  return tf.tidy(() => {
    const D = x.shape[x.shape.length - 1];
    const mu = x.mean(-1, true);
    const variance = x.square().mean(-1, true).sub(mu.square());
    const invStd = tf.scalar(1).div(variance.add(eps).sqrt());
    const xhat = x.sub(mu).mul(invStd);
    const g = dy.mul(gamma);
    const sumG = g.sum(-1, true);
    const sumGx = g.mul(xhat).sum(-1, true);
    const dx = invStd.div(D).mul(g.mul(D).sub(sumG).sub(xhat.mul(sumGx)));
    const flatDy = dy.reshape([-1, D]);
    const flatXhat = xhat.reshape([-1, D]);
    const dgamma = flatDy.mul(flatXhat).sum(0);
    const dbeta = flatDy.sum(0);
    return { dx, dgamma, dbeta };
  });
}
