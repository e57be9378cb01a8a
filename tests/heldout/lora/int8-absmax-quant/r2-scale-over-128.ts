// Held-out wrong variant: divides the row absmax by 128 (thinking of the int8 range [-128, 127]) instead of 127.
import * as tf from '@tensorflow/tfjs';

export function quantizeInt8(w: tf.Tensor2D) {
  return tf.tidy(() => {
    const absmax = tf.max(tf.abs(w), 1, true);
    const scale = tf.where(tf.greater(absmax, 0), tf.div(absmax, 128), tf.onesLike(absmax));
    const qf = tf.clipByValue(tf.round(tf.div(w, scale)), -128, 127);
    const q = tf.cast(qf, 'int32');
    const dequantized = tf.mul(qf, scale);
    return { q, scale, dequantized };
  });
}
