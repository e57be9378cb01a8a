// Held-out wrong variant: works directly on the initCentroids arrays (no copy), so the caller's input is modified in place.
export function miniBatchKMeans(
  initCentroids: number[][],
  batches: number[][][],
): { centroids: number[][]; counts: number[] } {
  const centroids = initCentroids;
  const k = centroids.length;
  const counts = new Array<number>(k).fill(0);
  for (const batch of batches) {
    const assign = batch.map((x) => {
      let best = Infinity;
      let arg = 0;
      for (let j = 0; j < k; j++) {
        const dist = x.reduce((s, v, t) => s + (v - centroids[j][t]) ** 2, 0);
        if (dist < best) { best = dist; arg = j; }
      }
      return arg;
    });
    batch.forEach((x, i) => {
      const j = assign[i];
      counts[j] += 1;
      const eta = 1 / counts[j];
      for (let t = 0; t < x.length; t++) centroids[j][t] = (1 - eta) * centroids[j][t] + eta * x[t];
    });
  }
  return { centroids, counts };
}
