// Held-out wrong variant: samples the first id whose cumulative probability is >= u (counts cdf < u) instead of strictly > u.
import * as tf from '@tensorflow/tfjs';

export function topKSample(logits: tf.Tensor2D, k: number, u: tf.Tensor1D): tf.Tensor1D {
  return tf.tidy(() => {
    const vocab = logits.shape[1];
    const { indices } = tf.topk(logits, k);
    const keep = tf.oneHot(indices, vocab).sum(1).greater(0);
    const masked = tf.where(keep, logits, tf.fill(logits.shape, -Infinity));
    const probs = tf.softmax(masked, -1);
    const cdf = tf.cumsum(probs, 1);
    const idx = tf.less(cdf, u.expandDims(1)).toInt().sum(1);
    const lastKept = indices.max(1).toInt();
    return tf.minimum(idx, lastKept).toInt() as tf.Tensor1D;
  });
}
