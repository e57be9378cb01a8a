import * as tf from '@tensorflow/tfjs';

export function scaledDotProductAttention(q: tf.Tensor, k: tf.Tensor, v: tf.Tensor, mask?: tf.Tensor): tf.Tensor {
  return tf.tidy(() => {
    const d = q.shape[q.shape.length - 1];
    let scores = tf.matMul(q, k, false, true).div(Math.sqrt(d));
    if (mask) {
      const allowed = tf.broadcastTo(tf.cast(mask, 'bool'), scores.shape);
      scores = tf.where(allowed, scores, tf.fill(scores.shape, -Infinity));
    }
    return tf.matMul(tf.softmax(scores, -1), v);
  });
}
