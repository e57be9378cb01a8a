// Held-out wrong variant: counts rounds from 1 with a strict < (for it = 1; it < iterations), so it runs iterations - 1 rounds (none when iterations = 1).
export function kMeans(
  points: number[][],
  initIndices: number[],
  iterations: number,
): { centroids: number[][]; assignments: number[] } {
  const d = points[0].length;
  const k = initIndices.length;
  let centroids = initIndices.map((i) => points[i].slice());
  let assignments: number[] = points.map(() => 0);
  for (let it = 1; it < iterations; it++) {
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
    centroids = centroids.map((c, j) => (counts[j] > 0 ? sums[j].map((s) => s / counts[j]) : c));
  }
  return { centroids, assignments };
}
