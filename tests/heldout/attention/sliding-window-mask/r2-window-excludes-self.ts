// Held-out wrong variant: builds the band j in [i-w+1, i-1], forgetting that each query includes its own key (the diagonal is masked).
import * as tf from '@tensorflow/tfjs';

export function slidingWindowAttention(q: tf.Tensor, k: tf.Tensor, v: tf.Tensor, window: number): tf.Tensor {
  return tf.tidy(() => {
    const t = q.shape[q.rank - 2];
    const d = q.shape[q.rank - 1];
    const mask = tf.sub(tf.linalg.bandPart(tf.ones([t, t]), Math.min(window - 1, t - 1), 0), tf.linalg.bandPart(tf.ones([t, t]), 0, 0));
    let scores = tf.div(tf.matMul(q, k, false, true), Math.sqrt(d));
    scores = tf.add(scores, tf.mul(tf.sub(1, mask), -1e9));
    return tf.matMul(tf.softmax(scores, -1), v);
  });
}
