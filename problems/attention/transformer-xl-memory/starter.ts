import * as tf from '@tensorflow/tfjs';

export interface XlWeights {
  wq: tf.Tensor2D; // [D, Dk]
  wk: tf.Tensor2D; // [D, Dk]
  wv: tf.Tensor2D; // [D, D]
}

/**
 * Single-head causal attention with Transformer-XL segment-level recurrence.
 *
 * x:      [B, L, D] the current segment's hidden states (this layer's input).
 * mem:    [B, M, D] cached hidden states of earlier segments (M ≥ 1), oldest first.
 * memLen: 1 ≤ memLen ≤ M + L, the length of the memory to hand to the next segment.
 *
 * Keys and values are projected from the combined sequence [mem; x] (M + L rows), queries from x.
 * Query i is combined position M + i and attends keys 0..M+i; scores are q·k / √Dk.
 * Returns out [B, L, D] and newMem [B, memLen, D] = the last memLen rows of [mem; x].
 */
export function xlAttention(
  x: tf.Tensor3D,
  mem: tf.Tensor3D,
  weights: XlWeights,
  memLen: number,
): { out: tf.Tensor3D; newMem: tf.Tensor3D } {
  // TODO: concat memory and segment, project, mask with the memory offset, attend; slide the memory
  throw new Error('TODO');
}
