// Held-out wrong variant: band on the wrong side of the diagonal: query i sees keys i..i+w-1 (the future) instead of i-w+1..i.
import * as tf from '@tensorflow/tfjs';

export function slidingWindowAttention(q: tf.Tensor, k: tf.Tensor, v: tf.Tensor, window: number): tf.Tensor {
  return tf.tidy(() => {
    const t = q.shape[q.rank - 2];
    const d = q.shape[q.rank - 1];
    const mask = tf.linalg.bandPart(tf.ones([t, t]), 0, Math.min(window - 1, t - 1));
    let scores = tf.div(tf.matMul(q, k, false, true), Math.sqrt(d));
    scores = tf.add(scores, tf.mul(tf.sub(1, mask), -1e9));
    return tf.matMul(tf.softmax(scores, -1), v);
  });
}
