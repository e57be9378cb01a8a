/**
 * Lloyd's k-means with a fixed initialisation and a fixed number of iterations.
 * points: n × d numbers. initIndices: k row indices into points (the starting centroids).
 * iterations: how many (assign, update) rounds to run (≥ 1).
 * Returns { centroids: k × d, assignments: n cluster ids from the last assignment step }.
 * Ties go to the smaller centroid index; an empty cluster keeps its previous centroid.
 */
export function kMeans(
  points: number[][],
  initIndices: number[],
  iterations: number,
): { centroids: number[][]; assignments: number[] } {
  // TODO: alternate the assignment step and the update step `iterations` times.
  return { centroids: initIndices.map((i) => points[i].map(() => 0)), assignments: points.map(() => 0) };
}
