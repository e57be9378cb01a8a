import * as tf from '@tensorflow/tfjs';

// Bug: the scale uses the value width dv (v's last axis) instead of the query/key width d.
export function scaledDotProductAttention(q: tf.Tensor, k: tf.Tensor, v: tf.Tensor, mask?: tf.Tensor): tf.Tensor {
  return tf.tidy(() => {
    const dv = v.shape[v.shape.length - 1];
    const scores = tf.matMul(q, k, false, true).div(Math.sqrt(dv));
    if (!mask) return tf.matMul(tf.softmax(scores, -1), v);
    const allowed = tf.broadcastTo(tf.cast(mask, 'bool'), scores.shape);
    const masked = tf.where(allowed, scores, tf.fill(scores.shape, -1e9));
    const rowHasKey = tf.any(allowed, -1, true).cast('float32');
    return tf.matMul(tf.softmax(masked, -1).mul(rowHasKey), v);
  });
}
