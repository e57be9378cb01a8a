export function miniBatchKMeans(initCentroids: number[][], batches: number[][][]) {
  const centroids = initCentroids.map((c) => [...c]);
  let counts: number[] = new Array(centroids.length).fill(0);
  const nearest = (x: number[]) => {
    let best = 0;
    let bestDist = Infinity;
    centroids.forEach((c, j) => {
      const dist = x.reduce((s, v, t) => s + (v - c[t]) ** 2, 0);
      if (dist < bestDist) {
        bestDist = dist;
        best = j;
      }
    });
    return best;
  };
  const seen: number[][] = [];
  for (const batch of batches) {
    // Bug: a full Lloyd step over every point seen so far instead of a streaming update.
    seen.push(...batch);
    const assigned = seen.map(nearest);
    const sums = centroids.map((c) => c.map(() => 0));
    counts = new Array(centroids.length).fill(0);
    seen.forEach((x, i) => {
      counts[assigned[i]] += 1;
      x.forEach((v, t) => (sums[assigned[i]][t] += v));
    });
    sums.forEach((s, j) => {
      if (counts[j] > 0) centroids[j] = s.map((v) => v / counts[j]);
    });
  }
  return { centroids, counts };
}
