import * as tf from '@tensorflow/tfjs';

export interface AttentionWeights {
  wq: tf.Tensor2D; // [dModel, dk]
  wk: tf.Tensor2D; // [dModel, dk]
  wv: tf.Tensor2D; // [dModel, dv]
}

/**
 * Single-head causal self-attention, decoded incrementally with a KV cache.
 * x: [b, t, dModel]. Tokens 0..prefill-1 (1 <= prefill <= t) arrive together as the prompt;
 * tokens prefill..t-1 then arrive one at a time. Keep the keys and values of every token seen so
 * far in a cache, append each new token's k and v, and attend from the new token's query.
 * Returns: [b, t, dv] — the prefill outputs followed by one output row per step, equal to full
 * causal attention softmax(q kᵀ / √dk + causal mask) v over the whole sequence.
 */
export function decodeWithKvCache(x: tf.Tensor3D, weights: AttentionWeights, prefill: number): tf.Tensor3D {
  // TODO: prefill (causal within the prompt), then a loop of single-token steps using the cache
  const [b, t] = x.shape;
  return tf.zeros([b, t, weights.wv.shape[1]]);
}
