import * as tf from '@tensorflow/tfjs';

export function topKSample(logits: tf.Tensor2D, k: number, u: tf.Tensor1D): tf.Tensor1D {
  return tf.tidy(() => {
    const vocab = logits.shape[1];
    const probs = tf.softmax(logits, -1);
    const { indices } = tf.topk(logits, k);
    const keep = tf.oneHot(indices, vocab).sum(1);
    // Bug: zeroes the other tokens but never renormalizes — the kept mass sums to less than 1.
    const kept = probs.mul(keep);
    const cdf = tf.cumsum(kept, 1);
    const index = tf.lessEqual(cdf, u.expandDims(1)).cast('int32').sum(1);
    return tf.minimum(index, vocab - 1) as tf.Tensor1D;
  });
}
