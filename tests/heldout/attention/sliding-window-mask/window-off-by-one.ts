// Held-out wrong variant: keeps keys with i - j <= window (window + 1 keys) instead of i - j <= window - 1.
import * as tf from '@tensorflow/tfjs';

export function slidingWindowAttention(q: tf.Tensor, k: tf.Tensor, v: tf.Tensor, window: number): tf.Tensor {
  return tf.tidy(() => {
    const t = q.shape[q.shape.length - 2];
    const d = q.shape[q.shape.length - 1];
    const band = tf.linalg.bandPart(tf.ones([t, t]), Math.min(window, t - 1), 0);
    const allowed = tf.cast(band, 'bool');
    const scores = tf.div(tf.matMul(q, k, false, true), Math.sqrt(d));
    const masked = tf.where(tf.broadcastTo(allowed, scores.shape), scores, tf.fill(scores.shape, -1e30));
    return tf.matMul(tf.softmax(masked, -1), v);
  });
}
