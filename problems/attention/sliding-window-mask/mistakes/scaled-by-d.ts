import * as tf from '@tensorflow/tfjs';

export function slidingWindowAttention(q: tf.Tensor, k: tf.Tensor, v: tf.Tensor, window: number): tf.Tensor {
  return tf.tidy(() => {
    const t = q.shape[q.shape.length - 2];
    const d = q.shape[q.shape.length - 1];
    const i = tf.range(0, t, 1, 'int32').reshape([t, 1]);
    const j = tf.range(0, t, 1, 'int32').reshape([1, t]);
    const lag = tf.sub(i, j);
    const allowed = tf.logicalAnd(tf.greaterEqual(lag, 0), tf.less(lag, window));
    // Bug: divides by d instead of Math.sqrt(d).
    const scores = tf.matMul(q, k, false, true).div(d);
    const masked = tf.where(tf.broadcastTo(allowed, scores.shape), scores, tf.fill(scores.shape, -1e9));
    return tf.matMul(tf.softmax(masked, -1), v);
  });
}
