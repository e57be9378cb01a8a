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
    // Bug: the per-centroid counts restart at 0 for every batch, so each batch overwrites the history.
    counts = new Array(centroids.length).fill(0);
    const assigned = batch.map(nearest);
    batch.forEach((x, i) => {
      const j = assigned[i];
      counts[j] += 1;
      const eta = 1 / counts[j];
      x.forEach((v, t) => (centroids[j][t] = (1 - eta) * centroids[j][t] + eta * v));
    });
  }
  return { centroids, counts };
}
