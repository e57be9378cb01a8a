// Held-out wrong variant: the all-zero-row special case is forgotten, so such a row gets scale 0 and its q and dequantized values become NaN (0/0).
import * as tf from '@tensorflow/tfjs';

export function quantizeInt8(w: tf.Tensor2D) {
  return tf.tidy(() => {
    const absmax = tf.abs(w).max(1, true);
    const scale = absmax.div(127);
    const qf = tf.clipByValue(tf.round(w.div(scale)), -127, 127);
    const q = qf.cast('int32');
    const dequantized = qf.mul(scale);
    return { q, scale, dequantized };
  });
}
