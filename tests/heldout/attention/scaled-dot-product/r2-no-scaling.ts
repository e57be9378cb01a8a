// Held-out wrong variant: forgets to divide the scores by sqrt(d) before the softmax.
import * as tf from '@tensorflow/tfjs';

export function scaledDotProductAttention(
  q: tf.Tensor,
  k: tf.Tensor,
  v: tf.Tensor,
  mask?: tf.Tensor,
): tf.Tensor {
  return tf.tidy(() => {
    let scores = tf.matMul(q, k, false, true);
    if (mask === undefined) return tf.matMul(tf.softmax(scores, -1), v);
    const m = tf.broadcastTo(tf.cast(mask, 'bool'), scores.shape);
    scores = tf.where(m, scores, tf.fill(scores.shape, -1e30));
    let w = tf.softmax(scores, -1);
    w = tf.where(m, w, tf.zerosLike(w));
    return tf.matMul(w, v);
  });
}
