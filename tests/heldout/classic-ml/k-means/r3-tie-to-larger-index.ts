// Held-out wrong variant: the assignment step uses `<=` when comparing distances, so points equidistant from two centroids go to the larger centroid index.
import * as tf from '@tensorflow/tfjs';

export function kMeans(
  points: number[][],
  initIndices: number[],
  iterations: number,
): { centroids: number[][]; assignments: number[] } {
  const k = initIndices.length;
  const d = points[0].length;
  const centroids = initIndices.map((i) => [...points[i]]);
  let assignments: number[] = [];
  for (let it = 0; it < iterations; it++) {
    assignments = points.map((p) => {
      let best = -1;
      let bestD = Infinity;
      centroids.forEach((c, j) => {
        const dist = c.reduce((acc, cv, t) => acc + (p[t] - cv) ** 2, 0);
        if (dist <= bestD) {
          bestD = dist;
          best = j;
        }
      });
      return best;
    });
    for (let j = 0; j < k; j++) {
      const members = points.filter((_, i) => assignments[i] === j);
      if (members.length === 0) continue;
      for (let t = 0; t < d; t++) {
        centroids[j][t] = members.reduce((acc, m) => acc + m[t], 0) / members.length;
      }
    }
  }
  return { centroids, assignments };
}
