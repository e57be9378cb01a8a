import * as tf from '@tensorflow/tfjs';

export function scaledDotProductAttention(q: tf.Tensor, k: tf.Tensor, v: tf.Tensor, mask?: tf.Tensor): tf.Tensor {
  return tf.tidy(() => {
    const d = q.shape[q.shape.length - 1];
    const scores = tf.matMul(q, k, false, true).div(Math.sqrt(d));
    let e = tf.exp(scores);
    if (mask) {
      e = e.mul(tf.broadcastTo(tf.cast(mask, 'float32'), scores.shape));
    }
    const sum = e.sum(-1, true);
    const weights = tf.where(sum.greater(0).broadcastTo(e.shape), e.div(sum), tf.zerosLike(e));
    return tf.matMul(weights, v);
  });
}
