import * as tf from '@tensorflow/tfjs';

// x: [..., D], gamma: [D], dy: [..., D]. Layer norm over the last axis:
// y = gamma · (x − μ) / sqrt(σ² + eps) + beta, with μ, σ² the mean and biased variance of each row.
export function layerNormBackward(x: tf.Tensor, gamma: tf.Tensor1D, dy: tf.Tensor, eps: number) {
  return tf.tidy(() => {
    const mean = x.mean(-1, true);
    const centered = x.sub(mean);
    const variance = centered.square().mean(-1, true); // biased: divide by D
    const invStd = tf.rsqrt(variance.add(eps));
    const xhat = centered.mul(invStd);
    // Parameter gradients: sum over every leading (batch, time, …) axis.
    const leading = Array.from({ length: x.rank - 1 }, (_, i) => i);
    const dgamma = dy.mul(xhat).sum(leading);
    const dbeta = dy.sum(leading);
    // Input gradient, including the paths through μ and σ²:
    // dx = invStd · (g − mean(g) − x̂ · mean(g · x̂)), g = dy · gamma, means over the last axis.
    const g = dy.mul(gamma);
    const dx = invStd.mul(g.sub(g.mean(-1, true)).sub(xhat.mul(dy.mul(xhat).mean(-1, true)))); // Bug: the variance term uses dy instead of g = dy · γ
    return { dx, dgamma, dbeta };
  });
}
