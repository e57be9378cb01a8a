// Held-out wrong variant: runs the softmax over the query axis (axis -2) instead of the key axis.
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
    if (mask === undefined) return tf.matMul(tf.softmax(tf.transpose(scores, [...Array(scores.rank - 2).keys(), scores.rank - 1, scores.rank - 2]), -1).transpose([...Array(scores.rank - 2).keys(), scores.rank - 1, scores.rank - 2]), v);
    const m = tf.broadcastTo(tf.cast(mask, 'bool'), scores.shape);
    scores = tf.where(m, scores, tf.fill(scores.shape, -1e30));
    const perm = [...Array(scores.rank - 2).keys(), scores.rank - 1, scores.rank - 2];
    let w = tf.transpose(tf.softmax(tf.transpose(scores, perm), -1), perm);
    w = tf.where(m, w, tf.zerosLike(w));
    return tf.matMul(w, v);
  });
}
