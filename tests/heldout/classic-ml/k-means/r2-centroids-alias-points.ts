// Held-out wrong variant: initialises the centroids as references to the point arrays (no copy) and updates them in place, so the update overwrites the data points (and centroids sharing a start index move together).
export function kMeans(
  points: number[][],
  initIndices: number[],
  iterations: number,
): { centroids: number[][]; assignments: number[] } {
  const d = points[0].length;
  const k = initIndices.length;
  const centroids = initIndices.map((i) => points[i]);
  let assignments: number[] = points.map(() => 0);
  for (let it = 0; it < iterations; it++) {
    assignments = points.map((p) => {
      let best = Infinity;
      let arg = 0;
      for (let j = 0; j < k; j++) {
        let s = 0;
        for (let t = 0; t < d; t++) s += (p[t] - centroids[j][t]) ** 2;
        if (s < best) { best = s; arg = j; }
      }
      return arg;
    });
    const sums = centroids.map(() => new Array<number>(d).fill(0));
    const counts = new Array<number>(k).fill(0);
    points.forEach((p, i) => {
      const j = assignments[i];
      counts[j]++;
      for (let t = 0; t < d; t++) sums[j][t] += p[t];
    });
    for (let j = 0; j < k; j++) {
      if (counts[j] === 0) continue;
      for (let t = 0; t < d; t++) centroids[j][t] = sums[j][t] / counts[j];
    }
  }
  return { centroids, assignments };
}
