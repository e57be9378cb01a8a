import { defineProblem, type CaseSpec } from '../../../src/judge/problem';
import { arrayOf, objectOf, plainNumber } from '../../../src/judge/contract';
import type { Rng } from '../../../src/judge/rng';
import { miniBatchKMeans } from './reference';

/** A stream of n points around `centres` random centres, split into batches of `size` (last one shorter). */
function stream(rng: Rng, n: number, d: number, centres: number, spread: number, size: number, scale = 1) {
  const c = Array.from({ length: centres }, () => Array.from({ length: d }, () => rng.gaussian() * spread));
  const points = Array.from({ length: n }, () => rng.pick(c).map((x) => (x + rng.gaussian()) * scale));
  const batches: number[][][] = [];
  for (let i = 0; i < n; i += size) batches.push(points.slice(i, i + size));
  const init = Array.from({ length: centres }, () => Array.from({ length: d }, () => rng.gaussian() * spread * scale));
  return { init, batches };
}

function randomCase(rng: Rng, name: string, n: number, d: number, k: number, spread: number, size: number, scale = 1): CaseSpec {
  const { init, batches } = stream(rng, n, d, k, spread, size, scale);
  return { name, public: false, args: [init, batches] };
}

/**
 * The algorithm with a chosen tie rule, to check that a case's ties matter: `preferLater` sends an
 * exactly equidistant point to the larger centroid index instead of the smaller.
 */
function simulate(init: number[][], batches: number[][][], preferLater: boolean): string {
  const centroids = init.map((c) => [...c]);
  const counts = init.map(() => 0);
  for (const batch of batches) {
    const assigned = batch.map((x) => {
      let best = 0;
      let bestDist = Infinity;
      centroids.forEach((c, j) => {
        const dist = x.reduce((s, v, t) => s + (v - c[t]) ** 2, 0);
        if (dist < bestDist || (preferLater && dist === bestDist)) {
          bestDist = dist;
          best = j;
        }
      });
      return best;
    });
    batch.forEach((x, i) => {
      const j = assigned[i];
      counts[j] += 1;
      x.forEach((v, t) => (centroids[j][t] += (v - centroids[j][t]) / counts[j]));
    });
  }
  return JSON.stringify({ centroids, counts });
}

/**
 * Integer-grid stream with integer starting centroids: points exactly equidistant from two centroids
 * at the start of their batch. Drawn again until the tie rule (smaller index) changes the result.
 */
function gridTieCase(rng: Rng): CaseSpec {
  for (let attempt = 0; attempt < 100; attempt++) {
    const init = [[1, 1], [5, 1], [3, 5]].map(([x, y]) => [x + rng.int(-1, 1), y + rng.int(-1, 1)]);
    const batches = Array.from({ length: 5 }, () => Array.from({ length: 4 }, () => [rng.int(0, 6), rng.int(0, 6)]));
    if (simulate(init, batches, false) !== simulate(init, batches, true)) {
      return { name: 'hidden: integer grid, points equidistant from two centroids', public: false, args: [init, batches] };
    }
  }
  throw new Error('mini-batch-k-means: no integer stream where the tie rule matters');
}

function cases(rng: Rng): CaseSpec[] {
  const list: CaseSpec[] = [
    { name: 'example 1: 1-d, two batches', public: true, args: [[[0], [10]], [[[1], [3]], [[9], [2], [4]]]] },
    {
      name: 'example 2: 2-d, three batches',
      public: true,
      args: [[[0, 0], [4, 4]], [[[1, 0], [3, 3]], [[0, 2], [5, 5], [2, 2]], [[3, 1]]]],
    },
    randomCase(rng, 'hidden: 3 clusters, batches of 8', 48, 2, 3, 2, 8),
    randomCase(rng, 'hidden: batch size 1', 20, 2, 3, 1.5, 1),
    randomCase(rng, 'hidden: one big batch', 30, 3, 4, 1.5, 30),
    randomCase(rng, 'hidden: last batch shorter', 37, 2, 3, 2, 10),
    randomCase(rng, 'hidden: k = 1', 15, 3, 1, 1, 4),
    randomCase(rng, 'hidden: d = 1', 40, 1, 3, 2, 6),
    randomCase(rng, 'hidden: high dimension', 40, 10, 4, 1, 8),
    randomCase(rng, 'hidden: many small batches', 90, 2, 5, 2, 3),
    randomCase(rng, 'hidden: large magnitudes', 40, 2, 3, 2, 8, 500),
    randomCase(rng, 'hidden: tiny magnitudes (coordinates ~1e-9)', 40, 2, 3, 2, 8, 1e-9),
    gridTieCase(rng),
  ];
  // A centroid far from all data never receives a point: it must stay put with count 0.
  const far = stream(rng, 24, 2, 2, 1, 6);
  far.init.push([100, -100]);
  list.push({ name: 'hidden: a centroid that never wins', public: false, args: [far.init, far.batches] });
  for (let i = 0; i < 3; i++) {
    list.push(randomCase(rng, `hidden: random ${i + 1}`, rng.int(10, 80), rng.int(1, 5), rng.int(2, 6), 1 + rng.next() * 2, rng.int(2, 16)));
  }
  return list;
}

export default defineProblem({
  id: 'classic-ml/mini-batch-k-means',
  entry: 'miniBatchKMeans',
  argNames: ['initCentroids', 'batches'],
  reference: miniBatchKMeans,
  // { centroids: k × d numbers, counts: k integers }.
  output: objectOf({
    centroids: arrayOf(
      arrayOf(plainNumber(), (args) => (args[0] as number[][])[0].length),
      (args) => (args[0] as number[][]).length,
    ),
    counts: arrayOf(plainNumber({ integer: true }), (args) => (args[0] as number[][]).length),
  }),
  cases,
  mistakes: [
    {
      id: 'fixed-learning-rate',
      title: 'a fixed learning rate instead of 1 / count',
      explanation: 'With η = 1/counts[j] each centroid is exactly the running mean of the points it has absorbed; a constant η keeps it drifting towards the latest points.',
      diagnostic: 'mismatch',
    },
    {
      id: 'counts-reset-per-batch',
      title: 'per-centroid counts reset for every batch',
      explanation: 'The counts accumulate over the whole stream. Resetting them makes the first point of each batch overwrite the centroid (η = 1), forgetting all earlier batches.',
      diagnostic: 'mismatch',
    },
    {
      id: 'full-recompute',
      title: 'full k-means recompute over all points seen so far',
      explanation: 'Mini-batch k-means never revisits old points: it assigns only the current batch and nudges the centroids with the streaming update c ← (1 − η)c + ηx.',
      diagnostic: 'mismatch',
    },
    {
      id: 'assigned-with-moving-centroids',
      title: 'points assigned with centroids already moved by this batch',
      explanation: 'Assign the whole batch first, with the centroids as they were at the start of the batch, then apply the per-point updates.',
      diagnostic: 'mismatch',
    },
    {
      id: 'ties-to-larger-index',
      title: 'assignment ties go to the larger centroid index',
      explanation: 'A point exactly as far from two centroids goes to the smaller index. Keep the first minimum: compare with "<", not "<=".',
      diagnostic: 'mismatch',
    },
    {
      id: 'initial-centroid-counted',
      title: 'learning rate 1 / (count + 1): the initial centroid counted as a point',
      explanation: 'The count v_j starts at 0 and is incremented before η = 1/v_j, so the first point a centroid absorbs has η = 1 and replaces the initial position. η = 1/(v_j + 1) averages the initial centroid in as if it were a data point.',
      diagnostic: 'mismatch',
    },
    {
      id: 'rate-before-increment',
      title: 'η = 1 / count taken before incrementing the count (1 / 0 on the first point)',
      explanation: 'Increment v_j first, then η = 1/v_j. Taking η from the old count divides by zero on a centroid\'s first point and every later step is one sample off.',
      diagnostic: 'non-finite',
    },
    {
      id: 'update-weights-swapped',
      title: 'update weights swapped: (1 − η)·x + η·c',
      explanation: 'The centroid moves a fraction η toward the point: c ← (1 − η)·c + η·x. With the weights swapped, the first point (η = 1) leaves the centroid where it was.',
      diagnostic: 'mismatch',
    },
    {
      id: 'update-sign-flipped',
      title: 'centroid pushed away from the point (c − η(x − c))',
      explanation: 'The running-mean step moves toward the point: c ← c + η(x − c), which equals (1 − η)·c + η·x.',
      diagnostic: 'mismatch',
    },
    {
      id: 'assigned-with-initial-centroids',
      title: 'every batch assigned with the initial centroids',
      explanation: 'Batches are processed in order: each batch is assigned with the centroids as they are at the start of that batch, after all earlier batches have moved them.',
      diagnostic: 'mismatch',
    },
    {
      id: 'counts-added-before-updates',
      title: 'counts increased by the whole batch before the per-point updates',
      explanation: 'Increment v_j one point at a time, just before that point\'s update, so the rates go 1/(v+1), 1/(v+2), … within a batch. Adding the batch\'s points to the count first gives every point the same, too small, rate.',
      diagnostic: 'mismatch',
    },
    {
      id: 'l1-distance',
      title: 'Manhattan (L1) distance instead of Euclidean',
      explanation: 'Assign to the nearest centroid by (squared) Euclidean distance, the sum of squared coordinate differences; the L1 distance can pick a different centroid.',
      diagnostic: 'mismatch',
    },
    {
      id: 'batch-mean-one-step',
      title: 'batch mean applied as one point (η = 1 / count, not batch size / count)',
      explanation: 'Moving a centroid to its batch mean in one step is fine only with η = (points it got in this batch) / (its new count), which reproduces the per-point running mean. With η = 1 / count the whole batch weighs like a single point.',
      diagnostic: 'mismatch',
    },
    {
      id: 'global-count-rate',
      title: 'learning rate 1 / (points seen overall) instead of 1 / (points this centroid received)',
      explanation: 'Each centroid has its own count v_j: η = 1 / v_j makes it the running mean of its own points. A global counter shrinks every centroid\'s step as soon as other clusters receive points.',
      diagnostic: 'mismatch',
    },
  ],
});
