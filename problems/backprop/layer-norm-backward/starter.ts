import * as tf from '@tensorflow/tfjs';

/**
 * Layer norm over the last axis: y = gamma · (x − μ) / sqrt(σ² + eps) + beta, where μ and σ² are
 * the mean and biased variance (divide by D) of each row of x.
 * x: [..., D], gamma: [D], dy = dL/dy: [..., D], eps: number.
 * Returns { dx: [..., D], dgamma: [D], dbeta: [D] }. Autodiff is not allowed.
 */
export function layerNormBackward(x: tf.Tensor, gamma: tf.Tensor1D, dy: tf.Tensor, eps: number) {
  // TODO
  return { dx: tf.zerosLike(x), dgamma: tf.zerosLike(gamma), dbeta: tf.zerosLike(gamma) };
}
