// Held-out wrong variant: the mask is a symmetric band |i - j| <= window - 1, so queries also attend up to window - 1 future keys (causality is lost).
import * as tf from '@tensorflow/tfjs';

export function slidingWindowAttention(q: tf.Tensor, k: tf.Tensor, v: tf.Tensor, window: number): tf.Tensor {
  return tf.tidy(() => {
    const t = q.shape[q.rank - 2];
    const d = q.shape[q.rank - 1];
    const maskRows: number[][] = [];
    for (let i = 0; i < t; i++) {
      const row: number[] = [];
      for (let j = 0; j < t; j++) row.push(Math.abs(i - j) <= window - 1 ? 1 : 0);
      maskRows.push(row);
    }
    const allowed = tf.tensor2d(maskRows, [t, t]).cast('bool');
    const scores = tf.matMul(q, k, false, true).mul(1 / Math.sqrt(d));
    const keep = tf.broadcastTo(allowed, scores.shape);
    const masked = tf.where(keep, scores, tf.fill(scores.shape, -Infinity));
    return tf.matMul(tf.softmax(masked), v);
  });
}
