// Held-out wrong variant: the mask convention is inverted (1/true treated as "masked out", 0/false as "may attend"), as in PyTorch's attn_mask/key_padding_mask booleans.
import * as tf from '@tensorflow/tfjs';

export function scaledDotProductAttention(
  q: tf.Tensor,
  k: tf.Tensor,
  v: tf.Tensor,
  mask?: tf.Tensor,
): tf.Tensor {
  return tf.tidy(() => {
    const d = q.shape[q.rank - 1];
    let scores = tf.matMul(q, k, false, true).mul(1 / Math.sqrt(d));
    let keepRow: tf.Tensor | null = null;
    if (mask) {
      const blocked = mask.cast('float32').add(tf.zerosLike(scores)).greater(0);
      scores = tf.where(blocked, tf.fill(scores.shape, -1e9), scores);
      keepRow = blocked.logicalNot().cast('float32').max(-1, true);
    }
    const out = tf.matMul(tf.softmax(scores, -1), v);
    return keepRow ? out.mul(keepRow) : out;
  });
}
