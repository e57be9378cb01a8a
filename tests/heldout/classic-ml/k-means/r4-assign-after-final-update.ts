// Held-out wrong variant: the returned assignments are recomputed against the final (post-update) centroids instead of being those from the last assignment step.
import * as tf from '@tensorflow/tfjs';

function nearest(points: number[][], centroids: number[][]): number[] {
  return points.map((p) => {
    let best = 0;
    let bestDist = Infinity;
    for (let j = 0; j < centroids.length; j++) {
      let s = 0;
      for (let t = 0; t < p.length; t++) s += (p[t] - centroids[j][t]) ** 2;
      if (s < bestDist) {
        bestDist = s;
        best = j;
      }
    }
    return best;
  });
}

export function kMeans(
  points: number[][],
  initIndices: number[],
  iterations: number,
): { centroids: number[][]; assignments: number[] } {
  const k = initIndices.length;
  const d = points[0].length;
  let centroids = initIndices.map((i) => points[i].slice());
  let assignments: number[] = [];
  for (let it = 0; it < iterations; it++) {
    assignments = nearest(points, centroids);
    const sums = Array.from({ length: k }, () => new Array(d).fill(0));
    const counts = new Array(k).fill(0);
    for (let i = 0; i < points.length; i++) {
      counts[assignments[i]]++;
      for (let t = 0; t < d; t++) sums[assignments[i]][t] += points[i][t];
    }
    centroids = centroids.map((c, j) => (counts[j] > 0 ? sums[j].map((s: number) => s / counts[j]) : c));
  }
  // report the clustering of the final centroids
  assignments = nearest(points, centroids);
  return { centroids, assignments };
}
