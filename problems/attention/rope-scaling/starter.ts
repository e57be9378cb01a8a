import * as tf from '@tensorflow/tfjs';

/**
 * RoPE with context extension, rotate-half convention (GPT-NeoX / LLaMA in Hugging Face).
 * x: [b, heads, t, dHead] float32 queries or keys, dHead even and ≥ 4
 * offset: integer ≥ 0; time step j is at position p = offset + j
 * base: frequency base (e.g. 10000); scale: the extension factor s ≥ 1
 * method 'linear': position interpolation — angle_i = (p / s) · base^(−2i/dHead)
 * method 'ntk':    NTK-aware scaling      — angle_i = p · base'^(−2i/dHead), base' = base · s^(dHead/(dHead−2))
 * for i = 0 .. dHead/2 − 1. Feature i is rotated together with feature i + dHead/2 by angle_i:
 *   out[i]           = x[i] cos − x[i + dHead/2] sin
 *   out[i + dHead/2] = x[i + dHead/2] cos + x[i] sin
 * Returns: [b, heads, t, dHead]
 */
export function scaledRope(x: tf.Tensor4D, offset: number, base: number, scale: number, method: 'linear' | 'ntk'): tf.Tensor4D {
  // TODO: pick the positions or the base according to method, then apply rotate-half RoPE
  return tf.zerosLike(x);
}
