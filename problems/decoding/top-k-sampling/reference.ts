import * as tf from '@tensorflow/tfjs';

// logits: [batch, vocab], k in [1, vocab], u: [batch] uniforms in [0, 1). Returns int32 [batch].
export function topKSample(logits: tf.Tensor2D, k: number, u: tf.Tensor1D): tf.Tensor1D {
  return tf.tidy(() => {
    const vocab = logits.shape[1];
    // rank[b, i] = how many tokens come before i in the order "larger logit first, ties → lower id".
    const li = logits.expandDims(2); // [b, vocab, 1]: token i
    const lj = logits.expandDims(1); // [b, 1, vocab]: token j
    const ids = tf.range(0, vocab, 1, 'int32');
    const jBeforeI = tf.less(ids.expandDims(0), ids.expandDims(1)); // [vocab, vocab]: j < i
    const ahead = tf.logicalOr(tf.greater(lj, li), tf.logicalAnd(tf.equal(lj, li), jBeforeI));
    const rank = ahead.cast('int32').sum(2);
    const keep = tf.less(rank, k); // exactly k tokens per row
    // Masked logits are -Infinity, so the softmax renormalizes over the k kept tokens.
    const masked = tf.where(keep, logits, tf.fill(logits.shape, -Infinity));
    const probs = tf.softmax(masked, -1);
    // Inverse CDF in vocabulary order: first i with cdf[i] > u.
    const cdf = tf.cumsum(probs, 1);
    const index = tf.lessEqual(cdf, u.expandDims(1)).cast('int32').sum(1);
    return tf.minimum(index, vocab - 1) as tf.Tensor1D;
  });
}
