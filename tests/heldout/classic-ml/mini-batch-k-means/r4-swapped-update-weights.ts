// Held-out wrong variant: the update is written c_j = eta·c_j + (1 − eta)·x, swapping the weights of the old centroid and the new point.
import * as tf from '@tensorflow/tfjs';

export function miniBatchKMeans(
  initCentroids: number[][],
  batches: number[][][],
): { centroids: number[][]; counts: number[] } {
  const k = initCentroids.length;
  const d = initCentroids[0].length;
  const c: number[][] = initCentroids.map((row) => row.slice());
  const v: number[] = new Array(k).fill(0);
  for (const batch of batches) {
    // assignment with the centroids at the start of the batch
    const assign: number[] = [];
    for (const x of batch) {
      let best = 0;
      let bestD = Number.POSITIVE_INFINITY;
      for (let j = 0; j < k; j++) {
        let s = 0;
        for (let t = 0; t < d; t++) {
          const diff = x[t] - c[j][t];
          s += diff * diff;
        }
        if (s < bestD) {
          bestD = s;
          best = j;
        }
      }
      assign.push(best);
    }
    // per-point update
    for (let i = 0; i < batch.length; i++) {
      const j = assign[i];
      v[j] += 1;
      const eta = 1 / v[j];
      for (let t = 0; t < d; t++) c[j][t] = eta * c[j][t] + (1 - eta) * batch[i][t];
    }
  }
  return { centroids: c, counts: v };
}
