import * as tf from '@tensorflow/tfjs';

export function slidingWindowAttention(q: tf.Tensor, k: tf.Tensor, v: tf.Tensor, window: number): tf.Tensor {
  return tf.tidy(() => {
    const t = q.shape[q.shape.length - 2];
    const d = q.shape[q.shape.length - 1];
    const mask = tf.linalg.bandPart(tf.ones([t, t]), Math.min(window - 1, t - 1), 0);
    const scores = tf.matMul(q, k, false, true).div(Math.sqrt(d));
    // Bug: zeroing weights after the softmax leaves rows that no longer sum to 1.
    const weights = tf.softmax(scores, -1).mul(mask);
    return tf.matMul(weights, v);
  });
}
