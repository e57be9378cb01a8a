import { defineProblem, type CaseSpec } from '../../../src/judge/problem';
import { arrayOf, objectOf, plainNumber } from '../../../src/judge/contract';
import type { Rng } from '../../../src/judge/rng';
import { kMeans } from './reference';

/** n points around k random centres (spread `spread`, noise 1), as plain number[][]. */
function blobs(rng: Rng, n: number, d: number, centres: number, spread: number, scale = 1): number[][] {
  const c = Array.from({ length: centres }, () => Array.from({ length: d }, () => rng.gaussian() * spread));
  return Array.from({ length: n }, (_, i) => c[i % centres].map((x) => (x + rng.gaussian()) * scale));
}

/** k distinct row indices in [0, n). */
function distinct(rng: Rng, n: number, k: number): number[] {
  const out: number[] = [];
  while (out.length < k) {
    const i = rng.int(0, n - 1);
    if (!out.includes(i)) out.push(i);
  }
  return out;
}

function randomCase(rng: Rng, name: string, n: number, d: number, k: number, iterations: number, spread: number, scale = 1): CaseSpec {
  return { name, public: false, args: [blobs(rng, n, d, k, spread, scale), distinct(rng, n, k), iterations] };
}

/**
 * Integer-grid points with distinct starting centroids, drawn again until some point is exactly
 * equidistant from its two nearest starting centroids (a tie in the first assignment step).
 */
function gridTieCase(rng: Rng): CaseSpec {
  for (let attempt = 0; attempt < 100; attempt++) {
    const points = Array.from({ length: 30 }, () => [rng.int(0, 6), rng.int(0, 6)]);
    const init = distinct(rng, points.length, 3);
    const starts = init.map((i) => points[i]);
    if (new Set(starts.map((c) => c.join())).size < starts.length) continue;
    const tied = points.some((p) => {
      const dist = starts.map((c) => (p[0] - c[0]) ** 2 + (p[1] - c[1]) ** 2).sort((a, b) => a - b);
      return dist[0] === dist[1];
    });
    if (tied) return { name: 'hidden: integer grid, a point equidistant from two centroids', public: false, args: [points, init, 1] };
  }
  throw new Error('k-means: no integer grid with an assignment tie');
}

function cases(rng: Rng): CaseSpec[] {
  const ex1 = [[0, 0], [1, 0], [0, 1], [5, 5], [6, 5], [5, 6]];
  // Points 0 and 1 are identical and both start a centroid: centroid 1 loses every tie and is empty.
  const ex2 = [[1, 1], [1, 1], [3, 1], [8, 0], [9, 0]];
  const list: CaseSpec[] = [
    { name: 'example 1: two blobs', public: true, args: [ex1, [0, 1], 2] },
    { name: 'example 2: an empty cluster keeps its centroid', public: true, args: [ex2, [0, 1, 3], 1] },
    randomCase(rng, 'hidden: overlapping blobs, 2-d', 40, 2, 3, 5, 1.5),
    randomCase(rng, 'hidden: 4 blobs, 3-d', 60, 3, 4, 6, 3),
    randomCase(rng, 'hidden: k = 1', 12, 3, 1, 2, 2),
    randomCase(rng, 'hidden: d = 1', 30, 1, 3, 4, 2),
    randomCase(rng, 'hidden: one iteration', 25, 2, 3, 1, 1),
    randomCase(rng, 'hidden: many iterations', 80, 4, 5, 20, 1.5),
    randomCase(rng, 'hidden: high dimension, d = 12', 40, 12, 4, 5, 0.8),
    randomCase(rng, 'hidden: large magnitudes', 30, 2, 3, 5, 1.5, 1000),
    randomCase(rng, 'hidden: tiny magnitudes (coordinates ~1e-9)', 30, 2, 3, 3, 1.5, 1e-9),
    gridTieCase(rng),
    { name: 'hidden: k = n (every point its own centroid)', public: false, args: [blobs(rng, 5, 2, 5, 2), [4, 3, 2, 1, 0], 3] },
  ];
  // An exact duplicate pair both chosen as starting centroids: the later one is empty at first.
  const pts = blobs(rng, 36, 2, 3, 1.2);
  pts[20] = [...pts[7]];
  list.push({ name: 'hidden: duplicate starting centroids (empty cluster)', public: false, args: [pts, [7, 20, 3, 11], 4] });
  for (let i = 0; i < 3; i++) {
    const k = rng.int(2, 6);
    list.push(randomCase(rng, `hidden: random ${i + 1}`, rng.int(k + 5, 70), rng.int(2, 6), k, rng.int(2, 8), 1 + rng.next() * 2));
  }
  return list;
}

export default defineProblem({
  id: 'classic-ml/k-means',
  entry: 'kMeans',
  argNames: ['points', 'initIndices', 'iterations'],
  reference: kMeans,
  // { centroids: k × d numbers, assignments: n integer cluster ids }.
  output: objectOf({
    centroids: arrayOf(
      arrayOf(plainNumber(), (args) => (args[0] as number[][])[0].length),
      (args) => (args[1] as number[]).length,
    ),
    assignments: arrayOf(plainNumber({ integer: true }), (args) => (args[0] as number[][]).length),
  }),
  cases,
  mistakes: [
    {
      id: 'centroids-never-updated',
      title: 'centroids never moved to the mean of their points',
      explanation: 'After assigning points, each centroid must become the mean of the points assigned to it; otherwise the assignments never change after the first round.',
      diagnostic: 'mismatch',
    },
    {
      id: 'sum-not-mean',
      title: 'centroid set to the sum of its points, not their mean',
      explanation: 'Divide each cluster\'s coordinate sums by the number of points in that cluster.',
      diagnostic: 'mismatch',
    },
    {
      id: 'empty-cluster-nan',
      title: 'an empty cluster becomes NaN (0 / 0)',
      explanation: 'When no point is assigned to a centroid, its mean is 0/0. The rule here is to keep the previous centroid for an empty cluster.',
      diagnostic: 'non-finite',
    },
    {
      id: 'l1-distance',
      title: 'Manhattan (L1) distance instead of Euclidean',
      explanation: 'k-means minimises squared Euclidean distance: sum the squared coordinate differences (taking the square root or not gives the same nearest centroid). The L1 distance picks different centroids.',
      diagnostic: 'mismatch',
    },
    {
      id: 'distance-reduced-over-wrong-axis',
      title: 'distance summed over the centroid axis instead of the feature axis',
      explanation: 'With x as [n, 1, d] and centroids as [1, k, d], the squared differences are [n, k, d]: sum over the last axis (features) to get an [n, k] distance matrix, then argMin over axis 1.',
      diagnostic: 'mismatch',
    },
    {
      id: 'ties-to-larger-index',
      title: 'assignment ties go to the larger centroid index',
      explanation: 'A point exactly as far from two centroids goes to the smaller index. Keep the first minimum: compare with "<", not "<=" (tf.argMin also returns the first minimum).',
      diagnostic: 'mismatch',
    },
    {
      id: 'empty-cluster-to-origin',
      title: 'an empty cluster jumps to the origin (sum / max(count, 1))',
      explanation: 'Clamping the count to 1 avoids 0 / 0 but turns an empty cluster\'s centroid into the zero vector. An empty cluster keeps its previous centroid (tf.where(counts > 0, means, old)).',
      diagnostic: 'mismatch',
    },
    {
      id: 'assignments-after-last-update',
      title: 'assignments recomputed after the last update',
      explanation: 'Return the assignments of the last round, the ones the final centroids are the means of. An extra assignment step against the final centroids is the first step of another round.',
      diagnostic: 'mismatch',
    },
    {
      id: 'one-round-short',
      title: 'one round too few (loop runs iterations - 1 times)',
      explanation: 'Run exactly `iterations` (assign, update) rounds: for (let it = 0; it < iterations; it++). Starting the counter at 1 with a strict < skips a round, and with iterations = 1 runs none.',
      diagnostic: 'mismatch',
    },
    {
      id: 'mean-divides-by-n',
      title: 'cluster sums divided by the total number of points',
      explanation: 'A centroid is the mean of its own cluster: divide the cluster\'s sum by the number of points assigned to it, not by n.',
      diagnostic: 'mismatch',
    },
    {
      id: 'differences-not-squared',
      title: 'coordinate differences summed without squaring',
      explanation: 'The signed differences cancel out and can go negative, so the "nearest" centroid is wrong. Sum the squared differences (x - c)^2 over the features.',
      diagnostic: 'mismatch',
    },
    {
      id: 'update-before-assign',
      title: 'update step runs before the assignment step in each round',
      explanation: 'Each round first assigns points to the current centroids, then moves each centroid to the mean of its points. Updating first averages the previous (initially all-zero) assignments, and the returned centroids lag one step behind the assignments.',
      diagnostic: 'mismatch',
    },
    {
      id: 'one-round-extra',
      title: 'one round too many (loop runs iterations + 1 times)',
      explanation: 'for (let it = 0; it <= iterations; it++) runs one extra assign/update round; run exactly `iterations` rounds with it < iterations.',
      diagnostic: 'mismatch',
    },
    {
      id: 'ignores-init-indices',
      title: 'started from the first k points instead of points[initIndices]',
      explanation: 'The starting centroids are given by index: centroid j starts at points[initIndices[j]], not at points[j].',
      diagnostic: 'mismatch',
    },
    {
      id: 'farthest-centroid',
      title: 'each point assigned to its farthest centroid (argMax instead of argMin)',
      explanation: 'The assignment step picks the nearest centroid: the smallest distance (argMin, or argMax of the negated distance).',
      diagnostic: 'mismatch',
    },
    {
      id: 'online-centroid-update',
      title: 'centroids nudged toward each point in turn instead of set to the cluster mean',
      explanation: 'The update step sets each centroid to the mean of all points assigned to it in this round, computed from the sums and counts after the assignment; moving it halfway toward each point in turn weights the last points most.',
      diagnostic: 'mismatch',
    },
  ],
});
