// Style: plain JavaScript. Each batch is first fully assigned against a frozen snapshot of the
// centroids, then streamed through the running-mean update c += (x - c) / v (same as (1-η)c + ηx).

export function miniBatchKMeans(
  initCentroids: number[][],
  batches: number[][][],
): { centroids: number[][]; counts: number[] } {
  const k = initCentroids.length;
  const centroids = initCentroids.map((c) => c.slice()); // never touch the input
  const counts = new Array(k).fill(0);

  const nearest = (x: number[], snapshot: number[][]): number => {
    let best = 0;
    let bestDist = Infinity;
    for (let j = 0; j < k; j++) {
      let dist = 0;
      for (let t = 0; t < x.length; t++) {
        const diff = x[t] - snapshot[j][t];
        dist += diff * diff;
      }
      if (dist < bestDist) {
        bestDist = dist;
        best = j;
      }
    }
    return best;
  };

  for (const batch of batches) {
    const snapshot = centroids.map((c) => c.slice());
    const assigned = batch.map((x) => nearest(x, snapshot));
    batch.forEach((x, i) => {
      const j = assigned[i];
      counts[j] += 1;
      const eta = 1 / counts[j];
      for (let t = 0; t < x.length; t++) centroids[j][t] += eta * (x[t] - centroids[j][t]);
    });
  }
  return { centroids, counts };
}
