// points: n × d, initIndices: k row indices of points used as the starting centroids.
export function kMeans(
  points: number[][],
  initIndices: number[],
  iterations: number,
): { centroids: number[][]; assignments: number[] } {
  const n = points.length;
  const d = points[0].length;
  const k = initIndices.length;
  let centroids = initIndices.map((i) => [...points[i]]);
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
    // Bug: each point pulls its centroid halfway toward itself as it is visited, instead of averaging the cluster once.
    centroids = centroids.map((c) => [...c]);
    for (let i = 0; i < n; i++) {
      const c = centroids[assignments[i]];
      for (let t = 0; t < d; t++) c[t] = (c[t] + points[i][t]) / 2;
    }
  }
  return { centroids, assignments };
}
