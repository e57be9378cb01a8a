import * as tf from '@tensorflow/tfjs';

/**
 * Causal self-attention with ALiBi (attention with linear biases), no position embeddings.
 * q, k, v: [b, nHeads, t, dHead] float32, already split into heads.
 * Head h has slope m_h; for query i and key j ≤ i:
 *   score = q_i · k_j / √dHead − m_h · (i − j)      (keys j > i are masked out)
 *   out_i = Σ_j softmax_j(score) · v_j
 * Slopes (H = nHeads, heads numbered from 0):
 *   H a power of two: m_h = 2^(−8(h+1)/H).
 *   Otherwise, n = largest power of two ≤ H: heads 0..n−1 get 2^(−8(h+1)/n), then heads n + j
 *   (j = 0 .. H−n−1) get 2^(−8(2j+1)/(2n)), appended in that order.
 * Returns: [b, nHeads, t, dHead].
 */
export function alibiAttention(q: tf.Tensor4D, k: tf.Tensor4D, v: tf.Tensor4D): tf.Tensor4D {
  // TODO: slopes, bias −m_h·(i − j), causal mask, softmax over keys, weighted sum of v
  return tf.zerosLike(v);
}
