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
  let seen = 0;
  for (const batch of batches) {
    // Assign the whole batch with the centroids as they are at the start of the batch.
    const assigned = batch.map(nearest);
    // Then move each centroid towards its points one at a time with rate 1 / (points seen so far).
    batch.forEach((x, i) => {
      const j = assigned[i];
      counts[j] += 1;
      seen += 1;
      // Bug: η = 1 / (points seen overall) instead of 1 / (points this centroid has received).
      const eta = 1 / seen;
      for (let t = 0; t < x.length; t++) centroids[j][t] = (1 - eta) * centroids[j][t] + eta * x[t];
    });
  }
  return { centroids, counts };
}
