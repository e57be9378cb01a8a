// Held-out wrong variant: does not renormalize the kept probabilities (divides by the full softmax total 1 instead of the nucleus mass), falling back to the last kept id when the CDF never passes u.
import * as tf from '@tensorflow/tfjs';

export function topPSample(logits: tf.Tensor2D, p: number, u: tf.Tensor1D): tf.Tensor1D {
  const rows = logits.arraySync() as number[][];
  const us = u.arraySync() as number[];
  const ids: number[] = [];
  for (let b = 0; b < rows.length; b++) {
    const row = rows[b];
    const vocab = row.length;
    let max = -Infinity;
    for (const x of row) if (x > max) max = x;
    const exps = row.map((x) => Math.exp(x - max));
    const z = exps.reduce((s, e) => s + e, 0);
    const probs = exps.map((e) => e / z);

    const order = probs.map((_, i) => i).sort((i, j) => probs[j] - probs[i] || i - j);
    const keep = new Array<boolean>(vocab).fill(false);
    let before = 0; // mass of the tokens ranked above the current one
    for (const i of order) {
      if (before >= p) break; // the token that crossed p was the previous one
      keep[i] = true;
      before += probs[i];
    }

    let keptMass = 0;
    for (let i = 0; i < vocab; i++) if (keep[i]) keptMass += probs[i];
    let cum = 0;
    let id = -1;
    let lastKept = 0;
    for (let i = 0; i < vocab; i++) {
      if (!keep[i]) continue;
      lastKept = i;
      cum += probs[i];
      if (id < 0 && cum > us[b]) id = i;
    }
    ids.push(id < 0 ? lastKept : id);
  }
  return tf.tensor1d(ids, 'int32');
}
