// Held-out wrong variant: an empty cluster's centroid is reset to the origin (sum divided by max(count, 1)) instead of keeping its previous position.
import * as tf from '@tensorflow/tfjs';

export function kMeans(
  points: number[][],
  initIndices: number[],
  iterations: number,
): { centroids: number[][]; assignments: number[] } {
  const n = points.length;
  const d = points[0].length;
  const k = initIndices.length;
  let centroids = initIndices.map((i) => points[i].slice());
  let assignments = new Array<number>(n).fill(0);
  for (let it = 0; it < iterations; it++) {
    for (let i = 0; i < n; i++) {
      let best = 0;
      let bestD = Infinity;
      for (let j = 0; j < k; j++) {
        let s = 0;
        for (let t = 0; t < d; t++) {
          const diff = points[i][t] - centroids[j][t];
          s += diff * diff;
        }
        if (s < bestD) {
          bestD = s;
          best = j;
        }
      }
      assignments[i] = best;
    }
    const sums = Array.from({ length: k }, () => new Array<number>(d).fill(0));
    const counts = new Array<number>(k).fill(0);
    for (let i = 0; i < n; i++) {
      const a = assignments[i];
      counts[a]++;
      for (let t = 0; t < d; t++) sums[a][t] += points[i][t];
    }
    centroids = sums.map((row, j) => row.map((v) => v / Math.max(counts[j], 1)));
  }
  return { centroids, assignments };
}
