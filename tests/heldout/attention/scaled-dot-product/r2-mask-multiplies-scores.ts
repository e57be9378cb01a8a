// Held-out wrong variant: applies the mask by multiplying the scores by it (masked scores become 0, not -inf) before the softmax.
import * as tf from '@tensorflow/tfjs';

export function scaledDotProductAttention(
  q: tf.Tensor,
  k: tf.Tensor,
  v: tf.Tensor,
  mask?: tf.Tensor,
): tf.Tensor {
  return tf.tidy(() => {
    const d = q.shape[q.rank - 1];
    let scores = tf.div(tf.matMul(q, k, false, true), Math.sqrt(d));
    if (mask === undefined) return tf.matMul(tf.softmax(scores, -1), v);
    const m = tf.cast(mask, 'float32');
    scores = tf.mul(scores, m);
    let w = tf.softmax(scores, -1);
    // rows with no allowed key return zeros
    const anyAllowed = tf.greater(tf.sum(tf.broadcastTo(m, w.shape), -1, true), 0);
    w = tf.where(tf.broadcastTo(anyAllowed, w.shape), w, tf.zerosLike(w));
    return tf.matMul(w, v);
  });
}
