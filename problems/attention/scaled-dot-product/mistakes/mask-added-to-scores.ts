import * as tf from '@tensorflow/tfjs';

// Bug: the 0/1 mask is added to the scores like an additive bias (PyTorch's float attn_mask), so
// masked keys lose only 1 logit instead of being excluded.
export function scaledDotProductAttention(q: tf.Tensor, k: tf.Tensor, v: tf.Tensor, mask?: tf.Tensor): tf.Tensor {
  return tf.tidy(() => {
    const d = q.shape[q.shape.length - 1];
    let scores = tf.matMul(q, k, false, true).div(Math.sqrt(d));
    if (mask) scores = scores.add(tf.cast(mask, 'float32'));
    return tf.matMul(tf.softmax(scores, -1), v);
  });
}
