import * as tf from '@tensorflow/tfjs';

export function scaledDotProductAttention(
  q: tf.Tensor,
  k: tf.Tensor,
  v: tf.Tensor,
  mask?: tf.Tensor,
): tf.Tensor {
  return tf.tidy(() => {
    const d = q.shape[q.shape.length - 1];
    const scores = tf.matMul(q, k, false, true).mul(Math.sqrt(d)); // Bug: multiplies by √d instead of dividing by it.
    if (!mask) return tf.matMul(tf.softmax(scores, -1), v);
    const allowed = tf.broadcastTo(tf.cast(mask, 'bool'), scores.shape);
    const masked = tf.where(allowed, scores, tf.fill(scores.shape, -1e9));
    const rowHasKey = tf.any(allowed, -1, true).cast('float32');
    const weights = tf.softmax(masked, -1).mul(rowHasKey);
    return tf.matMul(weights, v);
  });
}
