export function kMeans(points: number[][], initIndices: number[], iterations: number) {
  const k = initIndices.length;
  const centroids = initIndices.map((i) => [...points[i]]);
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
    // Bug: the update step is missing, so the centroids stay at the initial points.
  }
  return { centroids, assignments };
}
