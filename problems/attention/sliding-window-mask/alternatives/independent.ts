// Style: boolean band mask from tf.linalg.bandPart (lower band of width window-1) and
// tf.where with a very negative fill, then tf.softmax; works for any number of leading axes.
import * as tf from '@tensorflow/tfjs';

export function slidingWindowAttention(q: tf.Tensor, k: tf.Tensor, v: tf.Tensor, window: number): tf.Tensor {
  return tf.tidy(() => {
    const t = q.shape[q.shape.length - 2];
    const d = q.shape[q.shape.length - 1];
    const band = tf.linalg.bandPart(tf.ones([t, t]), Math.min(window - 1, t - 1), 0);
    const allowed = tf.cast(band, 'bool');
    const scores = tf.div(tf.matMul(q, k, false, true), Math.sqrt(d));
    const masked = tf.where(tf.broadcastTo(allowed, scores.shape), scores, tf.fill(scores.shape, -1e30));
    return tf.matMul(tf.softmax(masked, -1), v);
  });
}
