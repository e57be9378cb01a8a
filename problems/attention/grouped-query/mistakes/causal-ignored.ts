import * as tf from '@tensorflow/tfjs';

export function groupedQueryAttention(q: tf.Tensor4D, k: tf.Tensor4D, v: tf.Tensor4D, _causal: boolean): tf.Tensor4D {
  return tf.tidy(() => {
    const [b, nHeads, , d] = q.shape;
    const [, nKvHeads, tk, dv] = v.shape;
    const group = nHeads / nKvHeads;
    const repeat = (x: tf.Tensor4D, last: number) =>
      x.expandDims(2).tile([1, 1, group, 1, 1]).reshape([b, nHeads, tk, last]);
    // Bug: the causal flag is never used, so queries see future keys.
    const scores = tf.matMul(q, repeat(k, d), false, true).div(Math.sqrt(d));
    return tf.matMul(tf.softmax(scores, -1), repeat(v, dv)) as tf.Tensor4D;
  });
}
