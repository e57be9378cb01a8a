// Held-out wrong variant: the learning rate is eta = 1 / (v_j + 1) computed after the count has already been incremented, so the first point only moves a centroid halfway instead of replacing it.
import * as tf from '@tensorflow/tfjs';

export function miniBatchKMeans(
  initCentroids: number[][],
  batches: number[][][],
): { centroids: number[][]; counts: number[] } {
  const k = initCentroids.length;
  let centroids = initCentroids.map((c) => [...c]);
  const counts: number[] = Array(k).fill(0);
  batches.forEach((batch) => {
    const frozen = centroids.map((c) => [...c]);
    const labels = batch.map((x) => {
      const dists = frozen.map((c) => c.reduce((s, v, t) => s + (x[t] - v) * (x[t] - v), 0));
      let arg = 0;
      dists.forEach((dd, j) => {
        if (dd < dists[arg]) arg = j;
      });
      return arg;
    });
    batch.forEach((x, i) => {
      const j = labels[i];
      counts[j]++;
      const eta = 1 / (counts[j] + 1);
      centroids[j] = centroids[j].map((v, t) => (1 - eta) * v + eta * x[t]);
    });
  });
  return { centroids, counts };
}
