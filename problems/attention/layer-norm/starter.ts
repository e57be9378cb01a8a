import * as tf from '@tensorflow/tfjs';

/**
 * Layer normalization over the last axis.
 * x: [..., d] float32 (any number of leading axes, possibly none)
 * gamma: [d] scale, beta: [d] shift, eps: small positive number added to the variance
 * Returns: same shape as x, (x - mean) / sqrt(var + eps) * gamma + beta, with mean and the
 * biased variance taken over the last axis of each row.
 */
export function layerNorm(x: tf.Tensor, gamma: tf.Tensor, beta: tf.Tensor, eps: number): tf.Tensor {
  // TODO: mean and variance over the last axis, normalize, scale and shift
  return tf.zerosLike(x);
}
