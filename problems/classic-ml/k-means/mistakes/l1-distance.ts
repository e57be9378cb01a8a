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
        // Bug: Manhattan (L1) distance; k-means minimises squared Euclidean distance.
        const dist = p.reduce((s, x, t) => s + Math.abs(x - centroids[j][t]), 0);
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
    centroids = centroids.map((old, j) => (counts[j] === 0 ? old : sums[j].map((s) => s / counts[j])));
  }
  return { centroids, assignments };
}
