// Held-out wrong variant: the softmax is taken over all keys and the band mask is multiplied into the weights afterwards, without renormalising, so the kept weights no longer sum to 1.
import * as tf from '@tensorflow/tfjs';

export function slidingWindowAttention(q: tf.Tensor, k: tf.Tensor, v: tf.Tensor, window: number): tf.Tensor {
  return tf.tidy(() => {
    const t = q.shape[q.rank - 2];
    const d = q.shape[q.rank - 1];
    const band = tf.linalg.bandPart(tf.ones([t, t]), window - 1, 0);
    const scores = tf.matMul(q, k, false, true).div(Math.sqrt(d));
    const weights = tf.softmax(scores, -1).mul(band);
    return tf.matMul(weights, v);
  });
}
