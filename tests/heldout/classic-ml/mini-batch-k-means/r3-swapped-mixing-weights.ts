// Held-out wrong variant: the update mixes with swapped weights, c_j ← eta·c_j + (1 − eta)·x, instead of (1 − eta)·c_j + eta·x.
import * as tf from '@tensorflow/tfjs';

export function miniBatchKMeans(
  initCentroids: number[][],
  batches: number[][][],
): { centroids: number[][]; counts: number[] } {
  const k = initCentroids.length;
  const d = initCentroids[0].length;
  const C = initCentroids.map((c) => Float64Array.from(c));
  const v = new Array<number>(k).fill(0);
  for (const batch of batches) {
    const a: number[] = [];
    for (const x of batch) {
      let bj = 0;
      let bd = Infinity;
      for (let j = 0; j < k; j++) {
        let s = 0;
        for (let t = 0; t < d; t++) {
          const diff = x[t] - C[j][t];
          s += diff * diff;
        }
        if (s < bd) {
          bd = s;
          bj = j;
        }
      }
      a.push(bj);
    }
    for (let i = 0; i < batch.length; i++) {
      const j = a[i];
      v[j]++;
      const eta = 1 / v[j];
      for (let t = 0; t < d; t++) C[j][t] = eta * C[j][t] + (1 - eta) * batch[i][t];
    }
  }
  return { centroids: C.map((c) => Array.from(c)), counts: v };
}
