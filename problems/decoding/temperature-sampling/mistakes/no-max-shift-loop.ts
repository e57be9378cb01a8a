import * as tf from '@tensorflow/tfjs';

// logits: [batch, vocab] (−Infinity = banned token), u: [batch] uniforms in [0, 1). Returns int32 [batch].
export function temperatureSample(logits: tf.Tensor2D, temperature: number, u: tf.Tensor1D): tf.Tensor1D {
  return tf.tidy(() => {
    const vocab = logits.shape[1];
    // T = 0 is the greedy limit: softmax(logits / T) collapses onto the argmax (int32, ties → lower id).
    if (temperature === 0) return tf.argMax(logits, -1) as tf.Tensor1D;
    // tf.softmax subtracts the row max first, so large logits do not overflow.
    // Bug: softmax by hand, no max subtraction
    const e = tf.exp(logits.div(temperature));
    const probs = e.div(e.sum(1, true));
    // Inverse CDF in plain JS: the first token with positive probability whose running total is > u.
    const rows = probs.arraySync() as number[][];
    const us = u.arraySync() as number[];
    const out = rows.map((row, b) => {
      let acc = 0;
      let lastPositive = -1;
      for (let i = 0; i < vocab; i++) {
        if (!(row[i] > 0)) continue;
        lastPositive = i;
        acc += row[i];
        if (acc > us[b]) return i;
      }
      return lastPositive;
    });
    return tf.tensor1d(out, 'int32');
  });
}
