import * as tf from '@tensorflow/tfjs';

// Symmetric per-row absmax int8 quantization of w: [rows, cols].
export function quantizeInt8(w: tf.Tensor2D) {
  return tf.tidy(() => {
    const absmax = w.abs().max(1, true); // [rows, 1]: one scale per output row
    // An all-zero row has no range; any positive scale works, use 1 (q = 0 there).
    const scale = tf.where(absmax.greater(0), absmax.div(127), tf.onesLike(absmax));
    const q = w.div(scale).round().clipByValue(-127, 127).cast('int32');
    const dequantized = q.cast('float32').div(scale); // Bug: divides by the scale again instead of multiplying
    return { q, scale, dequantized };
  });
}
