import * as tf from '@tensorflow/tfjs';

export function scaledDotProductAttention(q: tf.Tensor, k: tf.Tensor, v: tf.Tensor, mask?: tf.Tensor): tf.Tensor {
  return tf.tidy(() => {
    let scores = tf.matMul(q, k, false, true);
    if (mask) {
      const allowed = tf.broadcastTo(tf.cast(mask, 'bool'), scores.shape);
      scores = tf.where(allowed, scores, tf.fill(scores.shape, -1e9));
      const rowHasKey = tf.any(allowed, -1, true).cast('float32');
      return tf.matMul(tf.softmax(scores, -1).mul(rowHasKey), v);
    }
    return tf.matMul(tf.softmax(scores, -1), v);
  });
}
