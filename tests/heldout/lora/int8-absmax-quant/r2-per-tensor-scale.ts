// Held-out wrong variant: uses one absmax scale for the whole matrix (per-tensor) instead of one per row, broadcast to [rows, 1].
import * as tf from '@tensorflow/tfjs';

export function quantizeInt8(w: tf.Tensor2D) {
  return tf.tidy(() => {
    const rows = w.shape[0];
    const absmax = tf.max(tf.abs(w));
    const s = tf.where(tf.greater(absmax, 0), tf.div(absmax, 127), tf.onesLike(absmax));
    const scale = tf.mul(tf.ones([rows, 1]), s);
    const qf = tf.clipByValue(tf.round(tf.div(w, scale)), -127, 127);
    const q = tf.cast(qf, 'int32');
    const dequantized = tf.mul(qf, scale);
    return { q, scale, dequantized };
  });
}
