// Held-out wrong variant: dx is built from the raw upstream gradient dy instead of g = dy·γ (the γ factor is dropped from the input gradient only).
import * as tf from '@tensorflow/tfjs';

export function layerNormBackward(x: tf.Tensor, gamma: tf.Tensor1D, dy: tf.Tensor, eps: number) {
  return tf.tidy(() => {
    const mu = x.mean(-1, true);
    const xc = x.sub(mu);
    const variance = xc.square().mean(-1, true);
    const rstd = tf.rsqrt(variance.add(eps));
    const xhat = xc.mul(rstd);
    const leadAxes = Array.from({ length: x.rank - 1 }, (_, i) => i);
    const dgamma = leadAxes.length ? dy.mul(xhat).sum(leadAxes) : dy.mul(xhat);
    const dbeta = leadAxes.length ? dy.sum(leadAxes) : dy.clone();
    const g = dy;
    const gMean = g.mean(-1, true);
    const gxMean = g.mul(xhat).mean(-1, true);
    const dx = rstd.mul(g.sub(gMean).sub(xhat.mul(gxMean)));
    return { dx, dgamma, dbeta };
  });
}
