import * as tf from '@tensorflow/tfjs';

/**
 * Causal FlashAttention forward pass, tiled over queries and keys, with the per-row logsumexp.
 * q, k: [..., t, d], v: [..., t, dv], where ... is [] or [b]; blockSize B >= 1.
 * Query i attends keys 0..i. Split the queries into tiles of B rows and, for each query tile, walk
 * the key tiles of B rows (the last tile of each may be shorter), keeping per query row a running
 * max m, a running sum ℓ and an output accumulator. Mask inside a tile by global positions.
 * Memory rule (enforced): no op may produce more than N·max(B², t·d, t·dv) elements (N = batch size,
 * 1 without a batch axis) — neither the [t, t] scores nor a [t, B] strip of them fits.
 * Returns: out = softmax(q kᵀ / √d + causal mask) v, shape [..., t, dv], and
 *          lse[i] = log Σ_{j ≤ i} exp(q_i · k_j / √d) (natural log), shape [..., t].
 */
export function flashAttentionCausal(q: tf.Tensor, k: tf.Tensor, v: tf.Tensor, blockSize: number): { out: tf.Tensor; lse: tf.Tensor } {
  // TODO: for each query tile, for each key tile up to the diagonal: masked scores, new max, rescale, accumulate
  return { out: tf.zeros([...q.shape.slice(0, -1), v.shape[v.rank - 1]]), lse: tf.zeros(q.shape.slice(0, -1)) };
}
