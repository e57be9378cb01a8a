import * as tf from '@tensorflow/tfjs';

export function topPSample(logits: tf.Tensor2D, p: number, u: tf.Tensor1D): tf.Tensor1D {
  return tf.tidy(() => {
    const vocab = logits.shape[1];
    const probs = tf.softmax(logits);
    const { values, indices } = tf.topk(probs, vocab);
    // The right nucleus (the sorted prefix whose mass before each token is < p), renormalized...
    const keepSorted = tf.less(tf.cumsum(values, 1, true), p).cast('float32');
    const kept = values.mul(keepSorted);
    // Bug: ...but the inverse CDF runs in sorted order (most likely first), so a given u maps to a
    // different token than the vocabulary-order rule asks for.
    const sortedCdf = tf.cumsum(kept.div(kept.sum(1, true)), 1);
    const m = keepSorted.sum(1).cast('int32');
    const count = tf.lessEqual(sortedCdf, u.expandDims(1)).cast('int32').sum(1);
    const position = tf.minimum(count, m.sub(tf.scalar(1, 'int32')));
    return indices.mul(tf.oneHot(position, vocab)).sum(1) as tf.Tensor1D;
  });
}
