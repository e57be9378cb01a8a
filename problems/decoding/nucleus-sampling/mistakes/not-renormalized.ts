import * as tf from '@tensorflow/tfjs';

export function topPSample(logits: tf.Tensor2D, p: number, u: tf.Tensor1D): tf.Tensor1D {
  return tf.tidy(() => {
    const vocab = logits.shape[1];
    const probs = tf.softmax(logits, -1);
    const { values, indices } = tf.topk(probs, vocab); // sorted, largest first
    const ahead = tf.cumsum(values, 1, true);
    const keepSorted = tf.less(ahead, p);
    // Back to vocabulary order: keep[b, i] = keepSorted[b, position of i].
    const keep = tf.oneHot(indices, vocab).mul(keepSorted.cast('float32').expandDims(2)).sum(1).cast('bool');
    // Bug: zeroes the tokens outside the nucleus but samples from the leftover mass without renormalizing.
    const cdf = tf.cumsum(probs.mul(keep.cast('float32')), 1);
    const index = tf.lessEqual(cdf, u.expandDims(1)).cast('int32').sum(1);
    return tf.minimum(index, vocab - 1) as tf.Tensor1D;
  });
}
