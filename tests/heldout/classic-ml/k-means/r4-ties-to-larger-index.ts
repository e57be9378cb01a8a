// Held-out wrong variant: the assignment step uses `<=` when comparing distances, so a point exactly equidistant from two centroids goes to the larger centroid index instead of the smaller one.
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
    // assign
    for (let i = 0; i < n; i++) {
      let best = 0;
      let bestDist = Infinity;
      for (let j = 0; j < k; j++) {
        let dist = 0;
        for (let t = 0; t < d; t++) {
          const diff = points[i][t] - centroids[j][t];
          dist += diff * diff;
        }
        if (dist <= bestDist) {
          bestDist = dist;
          best = j;
        }
      }
      assignments[i] = best;
    }
    // update
    const sums = Array.from({ length: k }, () => new Array<number>(d).fill(0));
    const counts = new Array<number>(k).fill(0);
    for (let i = 0; i < n; i++) {
      const a = assignments[i];
      counts[a]++;
      for (let t = 0; t < d; t++) sums[a][t] += points[i][t];
    }
    centroids = centroids.map((c, j) => (counts[j] === 0 ? c : sums[j].map((s) => s / counts[j])));
  }
  return { centroids, assignments };
}
