// Held-out wrong variant: each point is assigned using the centroids as already updated by earlier points of the same batch, instead of the centroids frozen at the start of the batch.
import * as tf from '@tensorflow/tfjs';

export function miniBatchKMeans(
  initCentroids: number[][],
  batches: number[][][],
): { centroids: number[][]; counts: number[] } {
  const centroids = initCentroids.map((c) => c.slice());
  const counts = new Array<number>(centroids.length).fill(0);
  for (const batch of batches) {
    for (const x of batch) {
      let j = 0;
      let best = Infinity;
      for (let c = 0; c < centroids.length; c++) {
        let d2 = 0;
        for (let t = 0; t < x.length; t++) d2 += (x[t] - centroids[c][t]) ** 2;
        if (d2 < best) {
          best = d2;
          j = c;
        }
      }
      counts[j] += 1;
      const eta = 1 / counts[j];
      for (let t = 0; t < x.length; t++) centroids[j][t] = (1 - eta) * centroids[j][t] + eta * x[t];
    }
  }
  return { centroids, counts };
}
