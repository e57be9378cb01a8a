import * as tf from '@tensorflow/tfjs';

/**
 * Rotary position embedding (RoPE), rotate-half convention (GPT-NeoX / LLaMA in Hugging Face).
 * x: [b, heads, t, dHead] float32 queries or keys, dHead even
 * offset: integer ≥ 0; time step j is at position offset + j (e.g. the KV-cache length)
 * base: frequency base (10000 in the original paper); theta_i = base^(−2i / dHead), i < dHead/2
 * Feature i is rotated together with feature i + dHead/2 by the angle position · theta_i:
 *   out[i]          = x[i] cos − x[i + dHead/2] sin
 *   out[i + dHead/2] = x[i + dHead/2] cos + x[i] sin
 * Returns: [b, heads, t, dHead]
 */
export function applyRope(x: tf.Tensor, offset: number, base: number): tf.Tensor {
  // TODO: build cos/sin for positions offset .. offset + t − 1, rotate each (i, i + dHead/2) pair
  return tf.zerosLike(x);
}
