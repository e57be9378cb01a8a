import * as tf from '@tensorflow/tfjs';

/**
 * Backward pass of train-mode batch norm over the batch axis:
 * y = gamma · (x − μ) / sqrt(σ² + eps) + beta, μ and σ² the mean and biased variance (÷ N) of
 * each column of x.
 * x: [N, D] (N ≥ 2), gamma: [D], dy = dL/dy: [N, D], eps: number.
 * Returns { dx: [N, D], dgamma: [D], dbeta: [D] }. Autodiff is not allowed.
 */
export function batchNormBackward(
  x: tf.Tensor2D,
  gamma: tf.Tensor1D,
  dy: tf.Tensor2D,
  eps: number,
): { dx: tf.Tensor2D; dgamma: tf.Tensor1D; dbeta: tf.Tensor1D } {
  // TODO: recompute μ, σ², x̂; then dgamma, dbeta and dx (remember μ and σ² depend on x)
  throw new Error('TODO');
}
