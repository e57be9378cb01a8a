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
    const scores = tf.matMul(q, k, false, true).div(d);
    if (!mask) return tf.matMul(tf.softmax(scores, -1), v);
    const allowed = tf.add(mask.cast('float32'), tf.zerosLike(scores)); // broadcast to [..., tq, tk]
    const masked = tf.where(allowed.greater(0), scores, tf.fill(scores.shape, -1e30));
    const weights = tf.softmax(masked, -1);
    const anyAllowed = allowed.max(-1, true); // 0 for fully masked rows
    return tf.matMul(weights.mul(anyAllowed), v);
  });
}
