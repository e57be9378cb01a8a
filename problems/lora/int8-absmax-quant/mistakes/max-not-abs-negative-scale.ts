import * as tf from '@tensorflow/tfjs';

// Symmetric per-row absmax int8 quantization of w: [rows, cols].
export function quantizeInt8(w: tf.Tensor2D) {
  return tf.tidy(() => {
    const rowMax = w.max(1, true); // Bug: signed max, not max(|w|)
    // Guard the all-zero row before dividing by 127.
    const scale = tf.where(rowMax.notEqual(0), rowMax, tf.onesLike(rowMax)).div(127);
    const q = w.div(scale).round().clipByValue(-127, 127).cast('int32');
    const dequantized = q.cast('float32').mul(scale);
    return { q, scale, dequantized };
  });
}
