/**
 * Mini-batch k-means (Sculley, 2010) with per-centroid learning rates.
 * initCentroids: k × d starting centroids. batches: mini-batches (each b × d), processed in order.
 * For each batch: assign every point to its nearest centroid (centroids as at the start of the
 * batch), then for each point in order: counts[j] += 1; eta = 1 / counts[j];
 * c[j] = (1 - eta) · c[j] + eta · x.
 * Returns { centroids: k × d, counts: k }.
 */
export function miniBatchKMeans(
  initCentroids: number[][],
  batches: number[][][],
): { centroids: number[][]; counts: number[] } {
  // TODO
  return { centroids: initCentroids.map((c) => c.map(() => 0)), counts: initCentroids.map(() => 0) };
}
