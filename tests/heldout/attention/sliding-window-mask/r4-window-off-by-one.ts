// Held-out wrong variant: the window test uses i - j <= window instead of i - j <= window - 1, so each query sees window + 1 keys.
import * as tf from '@tensorflow/tfjs';

export function slidingWindowAttention(q: tf.Tensor, k: tf.Tensor, v: tf.Tensor, window: number): tf.Tensor {
  return tf.tidy(() => {
    const t = q.shape[q.rank - 2];
    const d = q.shape[q.rank - 1];
    const i = tf.range(0, t, 1, 'int32').reshape([t, 1]);
    const j = tf.range(0, t, 1, 'int32').reshape([1, t]);
    const diff = i.sub(j);
    const allowed = diff.greaterEqual(0).logicalAnd(diff.lessEqual(window));
    const scores = tf.matMul(q, k, false, true).div(Math.sqrt(d));
    const masked = tf.where(allowed.logicalAnd(tf.onesLike(scores).cast('bool')), scores, tf.fill(scores.shape, -1e9));
    return tf.matMul(tf.softmax(masked, -1), v);
  });
}
