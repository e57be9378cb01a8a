// Held-out wrong variant: masked scores are replaced by a large negative number but fully masked query rows are not zeroed afterwards, so they return the plain average of all value rows instead of zeros.
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
      const m = mask.cast('float32');
      scores = scores.add(tf.sub(1, m).mul(-1e9));
    }
    return tf.matMul(tf.softmax(scores, -1), v);
  });
}
