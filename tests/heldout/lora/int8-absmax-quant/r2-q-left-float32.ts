// Held-out wrong variant: returns q as the rounded float32 tensor, forgetting to cast it to int32.
import * as tf from '@tensorflow/tfjs';

export function quantizeInt8(w: tf.Tensor2D) {
  return tf.tidy(() => {
    const absmax = tf.max(tf.abs(w), 1, true);
    const scale = tf.where(tf.greater(absmax, 0), tf.div(absmax, 127), tf.onesLike(absmax));
    const q = tf.clipByValue(tf.round(tf.div(w, scale)), -127, 127);
    const dequantized = tf.mul(q, scale);
    return { q, scale, dequantized };
  });
}
