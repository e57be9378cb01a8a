import * as tf from '@tensorflow/tfjs';

// Symmetric per-row absmax int8 quantization of w: [rows, cols].
export function quantizeInt8(w: tf.Tensor2D) {
  return tf.tidy(() => {
    const range = w.max(1, true).sub(w.min(1, true)); // [rows, 1]
    // An all-zero row has no range; any positive scale works, use 1 (q = 0 there).
    const scale = tf.where(range.greater(0), range.div(255), tf.onesLike(range)); // Bug: (max − min) / 255, the affine min-max step, not absmax / 127
    const q = w.div(scale).round().clipByValue(-127, 127).cast('int32');
    const dequantized = q.cast('float32').mul(scale);
    return { q, scale, dequantized };
  });
}
