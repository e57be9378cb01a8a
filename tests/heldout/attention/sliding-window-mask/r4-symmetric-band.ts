// Held-out wrong variant: the band mask is symmetric, |i - j| <= window - 1, so queries also attend to the next window - 1 future keys (the causal half is missing).
import * as tf from '@tensorflow/tfjs';

export function slidingWindowAttention(q: tf.Tensor, k: tf.Tensor, v: tf.Tensor, window: number): tf.Tensor {
  return tf.tidy(() => {
    const t = q.shape[q.rank - 2];
    const d = q.shape[q.rank - 1];
    const i = tf.range(0, t, 1, 'int32').reshape([t, 1]);
    const j = tf.range(0, t, 1, 'int32').reshape([1, t]);
    const diff = i.sub(j);
    const allowed = diff.abs().lessEqual(window - 1);
    const scores = tf.matMul(q, k, false, true).div(Math.sqrt(d));
    const masked = tf.where(allowed.logicalAnd(tf.onesLike(scores).cast('bool')), scores, tf.fill(scores.shape, -1e9));
    return tf.matMul(tf.softmax(masked, -1), v);
  });
}
