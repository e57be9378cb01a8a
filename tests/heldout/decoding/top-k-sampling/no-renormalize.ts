// Held-out wrong variant: divides the kept weights by the softmax total over the whole vocabulary, so the filtered probabilities are not renormalized.
import * as tf from '@tensorflow/tfjs';

export function topKSample(logits: tf.Tensor2D, k: number, u: tf.Tensor1D): tf.Tensor1D {
  const rows = logits.arraySync() as number[][];
  const us = u.arraySync() as number[];
  const ids: number[] = [];
  for (let b = 0; b < rows.length; b++) {
    const row = rows[b];
    const order = row.map((_, i) => i).sort((i, j) => row[j] - row[i] || i - j);
    const kept = new Set(order.slice(0, k));
    const top = row[order[0]];
    let total = 0;
    const weights = row.map((x, i) => {
      const e = Math.exp(x - top);
      total += e;
      return kept.has(i) ? e : 0;
    });
    let cum = 0;
    let id = -1;
    let lastKept = 0;
    for (let i = 0; i < row.length; i++) {
      if (weights[i] > 0) lastKept = i;
      cum += weights[i] / total;
      if (id < 0 && cum > us[b]) id = i;
    }
    ids.push(id < 0 ? lastKept : id);
  }
  return tf.tensor1d(ids, 'int32');
}
