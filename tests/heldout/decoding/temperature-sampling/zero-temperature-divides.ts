// Held-out wrong variant: no special case for T = 0, so the logits are divided by zero and the NaN probabilities fall through to the last id.
import * as tf from '@tensorflow/tfjs';

export function temperatureSample(logits: tf.Tensor2D, temperature: number, u: tf.Tensor1D): tf.Tensor1D {
  const rows = logits.arraySync() as number[][];
  const us = u.arraySync() as number[];
  const ids: number[] = [];
  for (let b = 0; b < rows.length; b++) {
    const row = rows[b];
    const vocab = row.length;
    // argmax, ties -> lower id
    let best = 0;
    for (let i = 1; i < vocab; i++) if (row[i] > row[best]) best = i;
    const maxScaled = row[best] / temperature;
    const weights = row.map((x) => Math.exp(x / temperature - maxScaled));
    const total = weights.reduce((s, w) => s + w, 0);
    let cum = 0;
    let id = vocab - 1; // rounding fallback
    for (let i = 0; i < vocab; i++) {
      cum += weights[i] / total;
      if (cum > us[b]) {
        id = i;
        break;
      }
    }
    ids.push(id);
  }
  return tf.tensor1d(ids, 'int32');
}
