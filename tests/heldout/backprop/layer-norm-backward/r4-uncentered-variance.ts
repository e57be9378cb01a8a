// Held-out wrong variant: the variance is computed as E[x²] − μ² in float32 instead of from the centered values, which loses precision on rows with a large offset.
import * as tf from '@tensorflow/tfjs';

export function layerNormBackward(x: tf.Tensor, gamma: tf.Tensor1D, dy: tf.Tensor, eps: number) {
  const D = x.shape[x.shape.length - 1];
  return tf.tidy(() => {
    const mu = x.mean(-1, true);
    const variance = x.square().mean(-1, true).sub(mu.square());
    const invStd = variance.add(eps).rsqrt();
    const xhat = x.sub(mu).mul(invStd);
    const g = dy.mul(gamma);
    const term1 = g.mean(-1, true);
    const term2 = xhat.mul(g.mul(xhat).mean(-1, true));
    const dx = g.sub(term1).sub(term2).mul(invStd);
    const flatDy = dy.reshape([-1, D]);
    const dgamma = flatDy.mul(xhat.reshape([-1, D])).sum(0);
    const dbeta = flatDy.sum(0);
    return { dx, dgamma, dbeta };
  });
}
