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

/**
 * Hand-placed 1-d neighbourhoods, one per query, 1000 apart: query j sits at 1000·j and its training
 * points at 1000·j + offset (|offset| ≤ 10), added in the listed order (that order is their training
 * index order). Each neighbourhood holds at least k + 1 points, so every rule only ever looks inside it.
 */
function neighbourhoods(name: string, k: number, groups: [offset: number, label: number][][]): CaseSpec {
  const trainX: number[][] = [];
  const trainY: number[] = [];
  groups.forEach((points, j) => {
    if (points.length < k + 1 || points.some(([offset]) => Math.abs(offset) > 10)) throw new Error(`knn: neighbourhood ${j} of "${name}" is malformed`);
    for (const [offset, label] of points) {
      trainX.push([1000 * j + offset]);
      trainY.push(label);
    }
  });
  return { name, public: false, args: [trainX, trainY, groups.map((_, j) => [1000 * j]), k] };
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
    hidden(rng, 'hidden: tiny magnitudes (coordinates ~1e-9)', 40, 15, 3, 3, 3, false, 1e-9),
    hidden(rng, 'hidden: binary, even k', 40, 20, 2, 2, 2, true),
    hidden(rng, 'hidden: 1-d grid', 30, 20, 1, 3, 4, true),
    // k = 3. Query 0: the third seat is a tie at distance 3 between index order (label 0, label 1): the
    // smaller index makes it 2–1 for label 0. Query 1: three points tie at distance 2 for the last two
    // seats, in index order labels 1, 2, 1: seats go to 1 and 2, a three-way vote tie, so label 0.
    neighbourhoods('hidden: distance ties at the k-th seat', 3, [
      [[1, 0], [-2, 1], [3, 0], [-3, 1]],
      [[1, 0], [2, 1], [-2, 2], [2, 1]],
    ]),
    // k = 4, all distances distinct. Query 0: 2–2 between labels 0 and 1, the nearest has label 1.
    // Query 1: four labels one vote each, nearest first 2, 3, 0, 1. Query 2: 2–2 between 0 and 2, the
    // nearest has label 0 (the answer), the fifth-nearest has label 2.
    neighbourhoods('hidden: vote ties, nearest neighbour holds another label', 4, [
      [[1, 1], [2, 0], [3, 1], [4, 0], [5, 0]],
      [[1, 2], [-2, 3], [3, 0], [-4, 1], [5, 3]],
      [[-1, 0], [2, 2], [-3, 2], [4, 0], [-5, 2]],
    ]),
    // k = 5, all distances distinct: labels 1 and 0 tie at 2 votes above the nearest neighbour's label 2
    // (one vote), so the nearest neighbour's label is not among the tied ones.
    neighbourhoods('hidden: k = 5, the nearest label is outvoted by a tie', 5, [
      [[1, 2], [-2, 1], [3, 0], [-4, 1], [5, 0], [-6, 2]],
      [[-1, 3], [2, 2], [-3, 0], [4, 2], [-5, 0], [6, 1]],
    ]),
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
    {
      id: 'distance-ties-larger-index',
      title: 'equal distances broken toward the larger training index',
      explanation: 'Among training points at the same distance, the one with the smaller index comes first (a stable sort by distance). A comparator like b.i − a.i on ties, or a selection scan with "<=", seats the later point instead.',
      diagnostic: 'mismatch',
    },
    {
      id: 'vote-tie-falls-back-to-1nn',
      title: 'tied vote falls back to the 1-nearest neighbour',
      explanation: "Breaking a vote tie with the single nearest neighbour's label is a different rule, and can even pick a label that is not among the tied ones. Here the tie goes to the smallest label among those with the most votes.",
      diagnostic: 'mismatch',
    },
    {
      id: 'boolean-comparator',
      title: 'sort comparator returns a boolean (a.d > b.d)',
      explanation: 'Array.prototype.sort needs a negative, zero or positive number; a comparator that only returns true/false (1/0) never says "a comes first", so the array is not sorted by distance. Use (a, b) => a.d - b.d.',
      diagnostic: 'mismatch',
    },
    {
      id: 'skips-nearest',
      title: 'the nearest training point is skipped (leave-one-out slice)',
      explanation: 'The queries are not training points, so the nearest neighbour must vote: take slice(0, k), not slice(1, k + 1).',
      diagnostic: 'mismatch',
    },
    {
      id: 'farthest-neighbours',
      title: 'sorted by decreasing distance (the k farthest points vote)',
      explanation: 'The comparator b.d - a.d puts the farthest points first. Sort ascending with a.d - b.d so the k nearest points vote.',
      diagnostic: 'mismatch',
    },
    {
      id: 'default-string-sort',
      title: 'distances sorted with the default (string) sort',
      explanation: 'sort() without a comparator compares values as strings, so 10 comes before 9. Pass a numeric comparator: (a, b) => a[0] - b[0].',
      diagnostic: 'mismatch',
    },
    {
      id: 'one-neighbour-short',
      title: 'only k - 1 neighbours vote',
      explanation: 'slice(0, k - 1) drops the k-th neighbour (and with k = 1 nobody votes). slice(0, k) takes exactly k.',
      diagnostic: 'non-finite',
    },
    {
      id: 'distance-weighted-votes',
      title: 'votes weighted by inverse distance',
      explanation: 'This is plain majority voting: each of the k neighbours adds exactly one vote to its label. Weighting by 1 / distance lets a single close point outvote several farther ones.',
      diagnostic: 'mismatch',
    },
  ],
});
