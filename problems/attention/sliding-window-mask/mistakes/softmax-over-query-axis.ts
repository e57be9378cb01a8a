import * as tf from '@tensorflow/tfjs';

export function slidingWindowAttention(q: tf.Tensor, k: tf.Tensor, v: tf.Tensor, window: number): tf.Tensor {
  return tf.tidy(() => {
    const t = q.shape[q.shape.length - 2];
    const d = q.shape[q.shape.length - 1];
    const i = tf.range(0, t, 1, 'int32').reshape([t, 1]);
    const j = tf.range(0, t, 1, 'int32').reshape([1, t]);
    const lag = tf.sub(i, j);
    const allowed = tf.logicalAnd(tf.greaterEqual(lag, 0), tf.less(lag, window));
    const scores = tf.matMul(q, k, false, true).div(Math.sqrt(d));
    const masked = tf.where(tf.broadcastTo(allowed, scores.shape), scores, tf.fill(scores.shape, -1e9));
    // Bug: normalizes each key column over the queries instead of each query row over the keys.
    const perm = [...Array(masked.rank - 2).keys(), masked.rank - 1, masked.rank - 2];
    return tf.matMul(tf.softmax(masked.transpose(perm), -1).transpose(perm), v);
  });
}
