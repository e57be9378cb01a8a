// Held-out wrong variant: the row scale uses the signed maximum max_j W_ij instead of the absolute maximum max_j |W_ij|.
import * as tf from '@tensorflow/tfjs';

export function quantizeInt8(w: tf.Tensor2D) {
  return tf.tidy(() => {
    const rowMax = tf.max(w, 1, true);
    const scale = tf.where(tf.equal(rowMax, 0), tf.onesLike(rowMax), tf.div(rowMax, 127));
    const q = tf.clipByValue(tf.round(tf.div(w, scale)), -127, 127).toInt();
    const dequantized = tf.mul(q.toFloat(), scale);
    return { q, scale, dequantized };
  });
}
