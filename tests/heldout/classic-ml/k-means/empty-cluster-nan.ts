// Held-out wrong variant: divides every centroid's sum by its count without guarding empty clusters, so an empty cluster becomes NaN instead of keeping its position.

export function kMeans(
  points: number[][],
  initIndices: number[],
  iterations: number,
): { centroids: number[][]; assignments: number[] } {
  const n = points.length;
  const k = initIndices.length;
  const d = n > 0 ? points[0].length : 0;
  let centroids = initIndices.map((i) => points[i].slice());
  let assignments: number[] = new Array(n).fill(0);

  for (let round = 0; round < iterations; round++) {
    // Assign step.
    for (let i = 0; i < n; i++) {
      let best = 0;
      let bestDist = Infinity;
      for (let j = 0; j < k; j++) {
        let dist = 0;
        for (let t = 0; t < d; t++) {
          const diff = points[i][t] - centroids[j][t];
          dist += diff * diff;
        }
        if (dist < bestDist) {
          bestDist = dist;
          best = j;
        }
      }
      assignments[i] = best;
    }
    // Update step.
    const sums = Array.from({ length: k }, () => new Array(d).fill(0));
    const counts = new Array(k).fill(0);
    for (let i = 0; i < n; i++) {
      const j = assignments[i];
      counts[j]++;
      for (let t = 0; t < d; t++) sums[j][t] += points[i][t];
    }
    centroids = sums.map((row, j) => row.map((s) => s / counts[j]));
  }
  return { centroids, assignments };
}
