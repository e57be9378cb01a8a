import * as tf from '@tensorflow/tfjs';

/**
 * RMSNorm over the last axis (as in T5 and LLaMA).
 * x: [..., d] float32 (any number of leading axes, possibly none)
 * gamma: [d] scale, eps: small positive number added to the mean square
 * Returns: same shape as x, x / sqrt(mean(x², last axis) + eps) * gamma.
 */
export function rmsNorm(x: tf.Tensor, gamma: tf.Tensor, eps: number): tf.Tensor {
  // TODO: root mean square over the last axis, divide, scale by gamma
  return tf.zerosLike(x);
}
