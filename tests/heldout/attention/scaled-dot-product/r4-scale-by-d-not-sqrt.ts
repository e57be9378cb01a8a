// Held-out wrong variant: the scores are divided by d instead of sqrt(d).
import * as tf from '@tensorflow/tfjs';

export function scaledDotProductAttention(
  q: tf.Tensor,
  k: tf.Tensor,
  v: tf.Tensor,
  mask?: tf.Tensor,
): tf.Tensor {
  return tf.tidy(() => {
    const d = q.shape[q.rank - 1];
    let scores = tf.matMul(q, k, false, true).div(d);
    if (!mask) return tf.matMul(tf.softmax(scores, -1), v);
    const m = mask.cast('float32').add(tf.zerosLike(scores)); // broadcast to [..., tq, tk]
    scores = tf.where(m.greater(0), scores, tf.fill(scores.shape, -1e9));
    const anyAllowed = m.max(-1, true); // [..., tq, 1]
    return tf.matMul(tf.softmax(scores, -1), v).mul(anyAllowed);
  });
}
