import * as tf from '@tensorflow/tfjs';

export function topKSample(logits: tf.Tensor2D, k: number, u: tf.Tensor1D): tf.Tensor1D {
  return tf.tidy(() => {
    const vocab = logits.shape[1];
    const { values } = tf.topk(logits, k);
    const kth = values.slice([0, k - 1], [-1, 1]);
    // Bug: a threshold test keeps every token tied with the k-th logit — more than k tokens.
    const keep = tf.greaterEqual(logits, kth);
    const masked = tf.where(keep, logits, tf.fill(logits.shape, -Infinity));
    const cdf = tf.cumsum(tf.softmax(masked, -1), 1);
    const index = tf.lessEqual(cdf, u.expandDims(1)).cast('int32').sum(1);
    return tf.minimum(index, vocab - 1) as tf.Tensor1D;
  });
}
