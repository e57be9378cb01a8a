// Held-out wrong variant: the row scale uses the signed maximum max_j W_ij instead of the absolute maximum max_j |W_ij|, mis-scaling rows whose largest magnitude is negative.
import * as tf from '@tensorflow/tfjs';

export function quantizeInt8(w: tf.Tensor2D) {
  return tf.tidy(() => {
    const rowMax = w.max(1, true);
    const safe = tf.where(rowMax.equal(0), tf.onesLike(rowMax), rowMax);
    const scale = safe.div(127);
    const qf = w.div(scale).round().clipByValue(-127, 127);
    return { q: qf.toInt(), scale, dequantized: qf.mul(scale) };
  });
}
