// points: n × d, initIndices: k row indices of points used as the starting centroids.
export function kMeans(
  points: number[][],
  initIndices: number[],
  iterations: number,
): { centroids: number[][]; assignments: number[] } {
  const n = points.length;
  const d = points[0].length;
  const k = initIndices.length;
  // Bug: starts from the first k points instead of points[initIndices[j]].
  let centroids = initIndices.map((_, j) => [...points[j]]);
  let assignments: number[] = new Array(n).fill(0);
  for (let it = 0; it < iterations; it++) {
    // Assignment step: nearest centroid by squared Euclidean distance, ties to the smaller index.
    assignments = points.map((p) => {
      let best = 0;
      let bestDist = Infinity;
      for (let j = 0; j < k; j++) {
        let dist = 0;
        for (let t = 0; t < d; t++) dist += (p[t] - centroids[j][t]) ** 2;
        if (dist < bestDist) {
          bestDist = dist;
          best = j;
        }
      }
      return best;
    });
    // Update step: each centroid becomes the mean of its points; an empty cluster keeps its centroid.
    const sums = centroids.map(() => new Array(d).fill(0));
    const counts = new Array(k).fill(0);
    for (let i = 0; i < n; i++) {
      counts[assignments[i]]++;
      for (let t = 0; t < d; t++) sums[assignments[i]][t] += points[i][t];
    }
    centroids = centroids.map((old, j) => (counts[j] === 0 ? old : sums[j].map((s) => s / counts[j])));
  }
  return { centroids, assignments };
}
