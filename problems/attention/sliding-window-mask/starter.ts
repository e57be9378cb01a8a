import * as tf from '@tensorflow/tfjs';

/**
 * Causal sliding-window (local) attention.
 * q, k: [..., t, d], v: [..., t, dv], window: integer >= 1.
 * Query i may attend keys j with max(0, i - window + 1) <= j <= i (window keys, itself included).
 * Returns: [..., t, dv] = softmax(q kᵀ / √d, masked) · v.
 */
export function slidingWindowAttention(q: tf.Tensor, k: tf.Tensor, v: tf.Tensor, window: number): tf.Tensor {
  // TODO: build the [t, t] band mask, mask the scaled scores, softmax over keys, multiply by v
  return tf.zerosLike(v);
}
