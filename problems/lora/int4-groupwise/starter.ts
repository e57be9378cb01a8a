import * as tf from '@tensorflow/tfjs';

/**
 * Asymmetric int4 group-wise quantization (GPTQ-style min-max with a zero point).
 * w: [rows, cols] float32; each row is split into groups of groupSize consecutive columns.
 * Per group: lo = min(min w, 0), hi = max(max w, 0),
 *   scale = (hi - lo) / 15 (1 for an all-zero group), zero = round(-lo / scale),
 *   q = clip(round(w / scale) + zero, 0, 15), round = half to even.
 * Returns:
 *   packed:      [rows, cols / 2] int32, q[r, 2j] + 16 · q[r, 2j + 1] (even column in the low nibble)
 *   scale:       [rows, cols / groupSize] float32
 *   zero:        [rows, cols / groupSize] int32
 *   dequantized: [rows, cols] float32, (q - zero) · scale
 */
export function quantizeInt4(
  w: tf.Tensor2D,
  groupSize: number,
): { packed: tf.Tensor2D; scale: tf.Tensor2D; zero: tf.Tensor2D; dequantized: tf.Tensor2D } {
  // TODO
  throw new Error('TODO');
}
