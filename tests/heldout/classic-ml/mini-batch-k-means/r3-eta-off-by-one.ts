// Held-out wrong variant: the learning rate is eta = 1 / (v_j + 1) computed after v_j has already been incremented, so the first point only moves the centroid halfway instead of replacing it.
import * as tf from '@tensorflow/tfjs';

export function miniBatchKMeans(
  initCentroids: number[][],
  batches: number[][][],
): { centroids: number[][]; counts: number[] } {
  const k = initCentroids.length;
  const centroids = initCentroids.map((c) => [...c]);
  const counts = new Array<number>(k).fill(0);
  for (const batch of batches) {
    const snapshot = centroids.map((c) => [...c]);
    const assign = batch.map((x) => {
      let arg = 0;
      let best = Infinity;
      snapshot.forEach((c, j) => {
        const d2 = c.reduce((s, v, t) => s + (x[t] - v) * (x[t] - v), 0);
        if (d2 < best) {
          best = d2;
          arg = j;
        }
      });
      return arg;
    });
    batch.forEach((x, i) => {
      const j = assign[i];
      counts[j] += 1;
      const eta = 1 / (counts[j] + 1);
      centroids[j] = centroids[j].map((v, t) => (1 - eta) * v + eta * x[t]);
    });
  }
  return { centroids, counts };
}
