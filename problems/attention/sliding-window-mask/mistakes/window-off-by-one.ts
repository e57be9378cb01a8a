import * as tf from '@tensorflow/tfjs';

export function slidingWindowAttention(q: tf.Tensor, k: tf.Tensor, v: tf.Tensor, window: number): tf.Tensor {
  return tf.tidy(() => {
    const t = q.shape[q.shape.length - 2];
    const d = q.shape[q.shape.length - 1];
    const lag = tf.sub(tf.range(0, t, 1, 'int32').reshape([t, 1]), tf.range(0, t, 1, 'int32').reshape([1, t]));
    // Bug: i - j <= window lets window + 1 keys through.
    const allowed = tf.logicalAnd(tf.greaterEqual(lag, 0), tf.lessEqual(lag, window));
    const scores = tf.matMul(q, k, false, true).div(Math.sqrt(d));
    const masked = tf.where(tf.broadcastTo(allowed, scores.shape), scores, tf.fill(scores.shape, -1e9));
    return tf.matMul(tf.softmax(masked, -1), v);
  });
}
