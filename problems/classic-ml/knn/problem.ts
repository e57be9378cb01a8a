import { defineProblem, type CaseSpec } from '../../../src/judge/problem';
import { arrayOf, plainNumber } from '../../../src/judge/contract';
import type { Rng } from '../../../src/judge/rng';
import { knnClassify } from './reference';

/** Points around one random centre per class; `grid` rounds coordinates to integers (distance ties). */
function labelled(rng: Rng, n: number, d: number, classes: number, spread: number, grid: boolean, scale = 1) {
  const centres = Array.from({ length: classes }, () => Array.from({ length: d }, () => rng.gaussian() * spread));
  const ys = Array.from({ length: n }, () => rng.int(0, classes - 1));
  const round = (v: number) => (grid ? Math.round(v) : v) * scale;
  const xs = ys.map((y) => centres[y].map((c) => round(c + rng.gaussian() * 1.2)));
  return { xs, ys, centres, round };
}

function hidden(rng: Rng, name: string, n: number, m: number, d: number, classes: number, k: number, grid: boolean, scale = 1): CaseSpec {
  const { xs, ys, centres, round } = labelled(rng, n, d, classes, 2, grid, scale);
  const queries = Array.from({ length: m }, () => rng.pick(centres).map((c) => round(c + rng.gaussian() * 1.5)));
  return { name, public: false, args: [xs, ys, queries, k] };
}

function cases(rng: Rng): CaseSpec[] {
  const trainX = [[0, 0], [2, 0], [0, 2], [4, 4], [5, 4], [4, 5], [2, 2], [1, 3]];
  const trainY = [0, 1, 2, 1, 2, 2, 0, 1];
  const list: CaseSpec[] = [
    { name: 'example 1: k = 1', public: true, args: [trainX, trainY, [[0.2, 0.1], [4.6, 4.2], [1.2, 2.6]], 1] },
    { name: 'example 2: tied votes and tied distances', public: true, args: [trainX, trainY, [[0, 2.5], [1, 5], [0.5, 4]], 3] },
    hidden(rng, 'hidden: 3 classes, k = 5', 60, 20, 2, 3, 5, false),
    hidden(rng, 'hidden: k = 1', 40, 15, 3, 4, 1, false),
    hidden(rng, 'hidden: even k, integer grid (many ties)', 50, 25, 2, 3, 4, true),
    hidden(rng, 'hidden: integer grid, k = 6, 4 classes', 60, 30, 2, 4, 6, true),
    hidden(rng, 'hidden: k = n (global majority)', 9, 5, 2, 3, 9, false),
    hidden(rng, 'hidden: one test point', 30, 1, 4, 2, 3, false),
    hidden(rng, 'hidden: high dimension', 80, 20, 10, 5, 7, false),
    hidden(rng, 'hidden: large magnitudes', 50, 15, 3, 3, 5, false, 1e4),
    hidden(rng, 'hidden: binary, even k', 40, 20, 2, 2, 2, true),
    hidden(rng, 'hidden: 1-d grid', 30, 20, 1, 3, 4, true),
  ];
  for (let i = 0; i < 3; i++) {
    const n = rng.int(10, 80);
    list.push(hidden(rng, `hidden: random ${i + 1}`, n, rng.int(1, 25), rng.int(1, 6), rng.int(2, 6), rng.int(1, Math.min(9, n)), rng.next() < 0.5));
  }
  return list;
}

export default defineProblem({
  id: 'classic-ml/knn',
  entry: 'knnClassify',
  argNames: ['trainX', 'trainY', 'testX', 'k'],
  reference: knnClassify,
  // number[] of length m: one integer label per query in testX.
  output: arrayOf(plainNumber({ integer: true }), (args) => (args[2] as number[][]).length),
  cases,
  mistakes: [
    {
      id: 'l1-distance',
      title: 'Manhattan (L1) distance instead of Euclidean',
      explanation: 'Neighbours are by Euclidean distance. Comparing squared distances is fine (same order); summing |differences| ranks points differently.',
      diagnostic: 'mismatch',
    },
    {
      id: 'k-off-by-one',
      title: 'k + 1 neighbours vote',
      explanation: 'Take exactly the first k entries of the sorted list: slice(0, k).',
      diagnostic: 'mismatch',
    },
    {
      id: 'distance-ties-included',
      title: 'every point tied with the k-th distance votes',
      explanation: 'Exactly k neighbours vote. When several training points are at the same distance, the stable order (smaller training index first) decides who is in.',
      diagnostic: 'mismatch',
    },
    {
      id: 'vote-tie-largest-label',
      title: 'tied vote goes to the largest label',
      explanation: 'With an even k (or several classes) two labels can get the same number of votes; the rule here is the smallest label. A ">=" in the argmax over ascending labels picks the largest.',
      diagnostic: 'mismatch',
    },
    {
      id: 'vote-tie-nearest-label',
      title: 'tied vote goes to the first label seen (the nearest neighbour)',
      explanation: 'Iterating votes in insertion order with ">" keeps whichever tied label appeared first. The rule here is the smallest label among those with the most votes.',
      diagnostic: 'mismatch',
    },
  ],
});
