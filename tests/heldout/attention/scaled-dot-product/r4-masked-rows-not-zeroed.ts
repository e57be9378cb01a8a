// Held-out wrong variant: masked scores are filled with -1e9 but fully masked query rows are not zeroed, so they return the plain average of all values.
import * as tf from '@tensorflow/tfjs';

export function scaledDotProductAttention(
  q: tf.Tensor,
  k: tf.Tensor,
  v: tf.Tensor,
  mask?: tf.Tensor,
): tf.Tensor {
  return tf.tidy(() => {
    const d = q.shape[q.rank - 1];
    let scores = tf.matMul(q, k, false, true).div(Math.sqrt(d));
    if (mask) {
      const allowed = mask.cast('bool').logicalAnd(tf.onesLike(scores).cast('bool'));
      scores = tf.where(allowed, scores, tf.fill(scores.shape, -1e9));
    }
    return tf.matMul(tf.softmax(scores, -1), v);
  });
}
