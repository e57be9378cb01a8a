import * as tf from '@tensorflow/tfjs';

// logits: [batch, vocab], 0 < p <= 1, u: [batch] uniforms in [0, 1). Returns int32 [batch].
export function topPSample(logits: tf.Tensor2D, p: number, u: tf.Tensor1D): tf.Tensor1D {
  return tf.tidy(() => {
    const vocab = logits.shape[1];
    const probs = tf.softmax(logits, -1);
    // Order: higher probability first, ties → lower id. ahead[b, i] = mass of the tokens before i.
    const pi = probs.expandDims(2); // [b, vocab, 1]: token i
    const pj = probs.expandDims(1); // [b, 1, vocab]: token j
    const ids = tf.range(0, vocab, 1, 'int32');
    const jBeforeI = tf.less(ids.expandDims(0), ids.expandDims(1)); // [vocab, vocab]: j < i
    const before = tf.logicalOr(tf.greater(pj, pi), tf.logicalAnd(tf.equal(pj, pi), jBeforeI));
    const ahead = before.cast('float32').mul(pj).sum(2);
    // Token i is in the nucleus if the mass ahead of it is still below p: this keeps the smallest
    // prefix whose cumulative mass reaches p, the token that crosses p included.
    const keep = tf.less(ahead, p);
    const masked = tf.where(keep, logits, tf.fill(logits.shape, -Infinity));
    const cdf = tf.cumsum(tf.softmax(masked, -1), 1); // renormalized, vocabulary order
    const index = tf.lessEqual(cdf, u.expandDims(1)).cast('int32').sum(1);
    return tf.minimum(index, vocab - 1) as tf.Tensor1D;
  });
}
