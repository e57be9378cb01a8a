import * as tf from '@tensorflow/tfjs';

/**
 * q: [..., tq, d], k: [..., tk, d], v: [..., tk, dv]
 * mask (optional): broadcastable to [..., tq, tk]; 1/true = may attend, 0/false = masked.
 * Returns: [..., tq, dv]. A query row whose keys are all masked returns zeros.
 */
export function scaledDotProductAttention(
  q: tf.Tensor,
  k: tf.Tensor,
  v: tf.Tensor,
  mask?: tf.Tensor,
): tf.Tensor {
  // TODO: scores = q · kᵀ / √d, mask, softmax over the keys, weights · v
  return tf.zerosLike(q);
}
