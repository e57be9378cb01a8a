import * as tf from '@tensorflow/tfjs';

export function topKSample(logits: tf.Tensor2D, k: number, u: tf.Tensor1D): tf.Tensor1D {
  return tf.tidy(() => {
    const vocab = logits.shape[1];
    const { indices } = tf.topk(logits, k);
    const keep = tf.oneHot(indices, vocab).sum(1).cast('bool');
    // Bug: masked logits set to 0, not -Infinity — exp(0) = 1, so dropped tokens keep real mass.
    const masked = tf.where(keep, logits, tf.zerosLike(logits));
    const cdf = tf.cumsum(tf.softmax(masked, -1), 1);
    const index = tf.lessEqual(cdf, u.expandDims(1)).cast('int32').sum(1);
    return tf.minimum(index, vocab - 1) as tf.Tensor1D;
  });
}
