// Held-out wrong variant: an empty cluster is moved to the origin (sum 0 divided by max(count, 1)) instead of keeping its previous centroid.
import * as tf from '@tensorflow/tfjs';

export function kMeans(
  points: number[][],
  initIndices: number[],
  iterations: number,
): { centroids: number[][]; assignments: number[] } {
  const k = initIndices.length;
  const d = points[0].length;
  let centroids: number[][] = initIndices.map((i) => [...points[i]]);
  let assignments: number[] = [];

  for (let it = 0; it < iterations; it++) {
    assignments = points.map((p) => {
      let best = 0;
      let bestDist = Infinity;
      centroids.forEach((c, j) => {
        const dist = p.reduce((acc, v, t) => acc + (v - c[t]) ** 2, 0);
        if (dist < bestDist) {
          bestDist = dist;
          best = j;
        }
      });
      return best;
    });

    const sums: number[][] = Array.from({ length: k }, () => Array(d).fill(0));
    const counts: number[] = Array(k).fill(0);
    points.forEach((p, i) => {
      const a = assignments[i];
      counts[a] += 1;
      p.forEach((v, t) => (sums[a][t] += v));
    });
    centroids = sums.map((s, j) => s.map((v) => v / Math.max(counts[j], 1)));
  }
  return { centroids, assignments };
}
