import * as tf from '@tensorflow/tfjs';

export function scaledDotProductAttention(
  q: tf.Tensor,
  k: tf.Tensor,
  v: tf.Tensor,
  mask?: tf.Tensor,
): tf.Tensor {
  return tf.tidy(() => {
    const d = q.shape[q.shape.length - 1];
    const scores = tf.matMul(q, k, false, true).div(Math.sqrt(d));
    if (!mask) {
      const perm = [...Array(scores.rank - 2).keys(), scores.rank - 1, scores.rank - 2];
      return tf.matMul(tf.softmax(scores.transpose(perm), -1).transpose(perm), v);
    }
    const allowed = tf.broadcastTo(tf.cast(mask, 'bool'), scores.shape);
    const masked = tf.where(allowed, scores, tf.fill(scores.shape, -1e9));
    const rowHasKey = tf.any(allowed, -1, true).cast('float32');
    // Bug: the softmax normalizes each key column over the queries instead of each query row over the keys.
    const perm = [...Array(scores.rank - 2).keys(), scores.rank - 1, scores.rank - 2];
    const colSoftmax = tf.softmax(masked.transpose(perm), -1).transpose(perm);
    const weights = tf.where(allowed, colSoftmax, tf.zerosLike(colSoftmax)).mul(rowHasKey);
    return tf.matMul(weights, v);
  });
}
