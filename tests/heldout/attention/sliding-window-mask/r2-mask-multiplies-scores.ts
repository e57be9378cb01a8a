// Held-out wrong variant: applies the window by multiplying the scores by the 0/1 mask, so out-of-window keys get score 0 instead of -infinity.
import * as tf from '@tensorflow/tfjs';

export function slidingWindowAttention(q: tf.Tensor, k: tf.Tensor, v: tf.Tensor, window: number): tf.Tensor {
  return tf.tidy(() => {
    const t = q.shape[q.rank - 2];
    const d = q.shape[q.rank - 1];
    const mask = tf.linalg.bandPart(tf.ones([t, t]), Math.min(window - 1, t - 1), 0);
    let scores = tf.div(tf.matMul(q, k, false, true), Math.sqrt(d));
    scores = tf.mul(scores, mask);
    return tf.matMul(tf.softmax(scores, -1), v);
  });
}
