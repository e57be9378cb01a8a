// Held-out wrong variant: the band keeps keys with i - j <= window instead of i - j <= window - 1, so each query sees window + 1 keys.
import * as tf from '@tensorflow/tfjs';

export function slidingWindowAttention(q: tf.Tensor, k: tf.Tensor, v: tf.Tensor, window: number): tf.Tensor {
  return tf.tidy(() => {
    const t = q.shape[q.rank - 2];
    const d = q.shape[q.rank - 1];
    const rows = tf.range(0, t).reshape([t, 1]);
    const cols = tf.range(0, t).reshape([1, t]);
    const dist = rows.sub(cols); // i - j
    const band = tf.logicalAnd(dist.greaterEqual(0), dist.lessEqual(window)).cast('float32');
    const scores = tf.matMul(q, k, false, true).div(Math.sqrt(d));
    const masked = scores.add(tf.sub(1, band).mul(-1e30));
    return tf.matMul(tf.softmax(masked, -1), v);
  });
}
