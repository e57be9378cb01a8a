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
    const d = initCentroids[0].length;
    centroids.forEach((c, j) => {
      const mine = batch.filter((_, i) => assigned[i] === j);
      if (!mine.length) return;
      counts[j] += mine.length;
      const mean = Array.from({ length: d }, (_, t) => mine.reduce((s, x) => s + x[t], 0) / mine.length);
      // Bug: the batch mean is applied as a single point with η = 1 / count, not weighted by the batch's share mine.length / count.
      const eta = 1 / counts[j];
      for (let t = 0; t < d; t++) c[t] = (1 - eta) * c[t] + eta * mean[t];
    });
  }
  return { centroids, counts };
}
