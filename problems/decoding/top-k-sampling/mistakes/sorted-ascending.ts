import * as tf from '@tensorflow/tfjs';

export function topKSample(logits: tf.Tensor2D, k: number, u: tf.Tensor1D): tf.Tensor1D {
  return tf.tidy(() => {
    const vocab = logits.shape[1];
    // Bug: sorts ascending (top-k of −logits), so it keeps the k *smallest* logits.
    const { indices } = tf.topk(logits.neg(), k);
    const keep = tf.oneHot(indices, vocab).sum(1).cast('bool');
    const masked = tf.where(keep, logits, tf.fill(logits.shape, -Infinity));
    const cdf = tf.cumsum(tf.softmax(masked, -1), 1);
    const index = tf.lessEqual(cdf, u.expandDims(1)).cast('int32').sum(1);
    return tf.minimum(index, vocab - 1) as tf.Tensor1D;
  });
}
