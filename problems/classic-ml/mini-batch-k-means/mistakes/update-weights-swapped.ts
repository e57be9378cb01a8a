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
  for (const batch of batches) {
    // Assign the whole batch with the centroids as they are at the start of the batch.
    const assigned = batch.map(nearest);
    // Then move each centroid towards its points one at a time with rate 1 / (points seen so far).
    batch.forEach((x, i) => {
      const j = assigned[i];
      counts[j] += 1;
      const eta = 1 / counts[j];
      // Bug: the weights are swapped, the point gets 1 − η and the old centroid η.
      for (let t = 0; t < x.length; t++) centroids[j][t] = (1 - eta) * x[t] + eta * centroids[j][t];
    });
  }
  return { centroids, counts };
}
