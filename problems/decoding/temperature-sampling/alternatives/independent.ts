// Style: per-row plain-JS loops over arraySync() data: a max-shifted softmax of logits / T in
// float64, then a linear inverse-CDF scan; only the int32 result is a tensor.
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
    if (temperature === 0) {
      ids.push(best);
      continue;
    }
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
