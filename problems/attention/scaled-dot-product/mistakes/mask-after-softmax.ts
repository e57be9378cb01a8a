import * as tf from '@tensorflow/tfjs';

// Bug: softmax over every key first, then zero the masked weights — the rest no longer sum to 1.
export function scaledDotProductAttention(q: tf.Tensor, k: tf.Tensor, v: tf.Tensor, mask?: tf.Tensor): tf.Tensor {
  return tf.tidy(() => {
    const d = q.shape[q.shape.length - 1];
    const scores = tf.matMul(q, k, false, true).div(Math.sqrt(d));
    let weights = tf.softmax(scores, -1);
    if (mask) weights = weights.mul(tf.broadcastTo(tf.cast(mask, 'float32'), scores.shape));
    return tf.matMul(weights, v);
  });
}
