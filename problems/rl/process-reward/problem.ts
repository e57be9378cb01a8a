import { defineProblem, type CaseSpec } from '../../../src/judge/problem';
import { objectOf, scalarTensor, shapeOf, tensorOf } from '../../../src/judge/contract';
import { tensorSpec } from '../../../src/judge/inputs';
import type { Rng } from '../../../src/judge/rng';
import { processRewardBestOfN } from './reference';

type Aggregation = 'min' | 'product' | 'last';

interface Batch {
  /** [P][K] real step scores of each solution (its length is the solution's step count). */
  steps: number[][][];
  /** [P][K][S] the padded tensor (padding included). */
  padded: number[][][];
  orm: number[][];
  correct: number[][];
  aggregation: Aggregation;
}

const f32 = Math.fround;

function aggregate(steps: number[], aggregation: Aggregation): number {
  if (aggregation === 'min') return Math.min(...steps);
  if (aggregation === 'product') return steps.reduce((x, y) => x * y, 1);
  return steps[steps.length - 1];
}

const sameSteps = (a: number[], b: number[]) => a.length === b.length && a.every((x, i) => x === b[i]);

/**
 * Every per-problem selection must be robust to float32 and evaluation order: the winner beats
 * every other candidate by a clear margin, or ties it exactly in a way any evaluation reproduces
 * (the same value picked by min / last, or identical step lists for product; equal ORM scores).
 */
function checkRobust(b: Batch): void {
  b.steps.forEach((row, p) => {
    const prm = row.map((s) => aggregate(s, b.aggregation));
    const best = prm.indexOf(Math.max(...prm));
    prm.forEach((x, k) => {
      if (k === best) return;
      const exact = b.aggregation === 'product' ? sameSteps(row[k], row[best]) : x === prm[best];
      if (!exact && Math.abs(prm[best] - x) < 1e-4 * Math.max(1e-3, Math.abs(prm[best]))) throw new Error(`PRM near-tie in problem ${p}`);
      if (exact !== (x === prm[best])) throw new Error(`PRM tie not exact in problem ${p}`);
    });
    const orm = b.orm[p];
    const top = Math.max(...orm);
    orm.forEach((x) => {
      if (x !== top && top - x < 1e-4) throw new Error(`ORM near-tie in problem ${p}`);
    });
  });
}

function toArgs(b: Batch) {
  checkRobust(b);
  const P = b.padded.length;
  const K = b.padded[0].length;
  const S = b.padded[0][0].length;
  b.steps.forEach((row, p) =>
    row.forEach((s, k) => {
      if (s.length < 1 || s.length > S) throw new Error('every solution has 1..S steps');
      if (!sameSteps(s, b.padded[p][k].slice(0, s.length))) throw new Error('padded tensor disagrees with the steps');
    }),
  );
  return [
    tensorSpec(b.padded.flat(2), [P, K, S]),
    tensorSpec(b.steps.flat().map((s) => s.length), [P, K], 'int32'),
    tensorSpec(b.orm.flat(), [P, K]),
    tensorSpec(b.correct.flat(), [P, K], 'bool'),
    b.aggregation,
  ];
}

interface Options {
  P: number;
  K: number;
  S: number;
  aggregation: Aggregation;
  minLength?: number;
  maxLength?: number;
  /** Padding values: 'garbage' = uniform in [0, 1.5] with exact 0s and 1s; 'zero'. */
  pad?: 'garbage' | 'zero';
  /** Probability that a solution is correct. */
  pCorrect?: number;
  /** Duplicate the PRM winner of each problem into a later slot (exact PRM tie). */
  prmTies?: boolean;
  /** Give two solutions of each problem the same top ORM score. */
  ormTies?: boolean;
  lo?: number;
}

function randomBatch(rng: Rng, o: Options): Batch {
  const { P, K, S, aggregation, minLength = 1, maxLength = S, pad = 'garbage', pCorrect = 0.5, lo = 0.05 } = o;
  const steps: number[][][] = [];
  const orm: number[][] = [];
  const correct: number[][] = [];
  for (let p = 0; p < P; p++) {
    const row: number[][] = [];
    const okRow: number[] = [];
    for (let k = 0; k < K; k++) {
      const ok = rng.next() < pCorrect;
      const n = rng.int(minLength, maxLength);
      // Correct solutions tend to have higher step scores, but not always.
      row.push(Array.from({ length: n }, () => f32(lo + (0.99 - lo) * Math.pow(rng.next(), ok ? 0.5 : 1.5))));
      okRow.push(ok ? 1 : 0);
    }
    const ormRow = okRow.map((ok) => f32(Math.min(0.999, Math.max(0, (ok ? 0.6 : 0.4) + 0.3 * rng.gaussian()))));
    if (o.prmTies && K >= 2) {
      const prm = row.map((s) => aggregate(s, aggregation));
      const best = prm.indexOf(Math.max(...prm));
      const slots = Array.from({ length: K }, (_, k) => k).filter((k) => k !== best);
      const target = slots[rng.int(0, slots.length - 1)];
      row[target] = row[best].slice();
      okRow[target] = okRow[best];
    }
    if (o.ormTies && K >= 2) {
      const a = rng.int(0, K - 1);
      let b = rng.int(0, K - 2);
      if (b >= a) b++;
      const top = f32(0.95 + 0.04 * rng.next());
      ormRow[a] = top;
      ormRow[b] = top;
    }
    steps.push(row);
    orm.push(ormRow);
    correct.push(okRow);
  }
  const padded = steps.map((row) =>
    row.map((s) => [
      ...s,
      ...Array.from({ length: S - s.length }, () => {
        if (pad === 'zero') return 0;
        const r = rng.next();
        return r < 0.2 ? 0 : r < 0.3 ? 1 : f32(1.5 * rng.next());
      }),
    ]),
  );
  return { steps, padded, orm, correct, aggregation };
}

function robustCase(rng: Rng, name: string, o: Options, check?: (b: Batch) => boolean): CaseSpec {
  for (let attempt = 0; attempt < 300; attempt++) {
    const b = randomBatch(rng, o);
    try {
      checkRobust(b);
    } catch {
      continue;
    }
    if (check && !check(b)) continue;
    return { name, public: false, args: toArgs(b) };
  }
  throw new Error(`no robust batch found for "${name}"`);
}

/** The chosen index per problem under PRM and ORM, lowest index among ties. */
function choices(b: Batch) {
  const argmax = (row: number[]) => row.indexOf(Math.max(...row));
  return { prm: b.steps.map((row) => argmax(row.map((s) => aggregate(s, b.aggregation)))), orm: b.orm.map(argmax) };
}

function fromExample(steps: number[][][], padding: number[][][], orm: number[][], correct: number[][], aggregation: Aggregation): Batch {
  const padded = steps.map((row, p) => row.map((s, k) => [...s, ...padding[p][k]].map(f32)));
  return { steps: steps.map((row) => row.map((s) => s.map(f32))), padded, orm: orm.map((r) => r.map(f32)), correct, aggregation };
}

function cases(rng: Rng): CaseSpec[] {
  const example1 = fromExample(
    [
      [[0.9, 0.8, 0.7], [0.95, 0.6], [0.7, 0.9, 0.2, 0.8]],
      [[0.6, 0.9], [0.5, 0.5, 0.9, 0.9], [0.8, 0.7, 0.75]],
    ],
    [
      [[0.3], [0.5, 0.5], []],
      [[0.4, 0.1], [], [0.6]],
    ],
    [
      [0.6, 0.7, 0.4],
      [0.8, 0.3, 0.5],
    ],
    [
      [1, 0, 0],
      [0, 1, 1],
    ],
    'min',
  );
  const example2 = fromExample(
    [
      [[0.9, 0.9, 0.9], [0.8]],
      [[0.5, 0.6], [0.5, 0.6]],
      [[0.95, 0.95, 0.3], [0.7, 0.6]],
    ],
    [
      [[], [0, 0]],
      [[0], [1]],
      [[], [0.2]],
    ],
    [
      [0.9, 0.9],
      [0.4, 0.4],
      [0.2, 0.9],
    ],
    [
      [1, 0],
      [1, 1],
      [0, 1],
    ],
    'product',
  );
  const differ = (b: Batch) => {
    const c = choices(b);
    return c.prm.some((k, p) => k !== c.orm[p]);
  };
  const hasLastTie = (b: Batch) => {
    const c = choices(b);
    return b.steps.some((row, p) => row.some((s, k) => k > c.prm[p] && aggregate(s, b.aggregation) === aggregate(row[c.prm[p]], b.aggregation)));
  };
  return [
    { name: 'example 1: min aggregation, padded steps, PRM beats ORM', public: true, args: toArgs(example1) },
    { name: 'example 2: product aggregation, ties go to the lowest index', public: true, args: toArgs(example2) },
    robustCase(rng, 'hidden: min, 8 problems × 16 solutions, garbage padding', { P: 8, K: 16, S: 12, aggregation: 'min' }, differ),
    robustCase(rng, 'hidden: product, 8 problems × 16 solutions, garbage padding', { P: 8, K: 16, S: 12, aggregation: 'product', lo: 0.5 }, differ),
    robustCase(rng, 'hidden: last, 8 problems × 16 solutions, garbage padding', { P: 8, K: 16, S: 12, aggregation: 'last' }, differ),
    robustCase(rng, 'hidden: last, lengths 1 .. S including S (no padding on some)', { P: 6, K: 10, S: 5, aggregation: 'last', minLength: 1, maxLength: 5 }, (b) =>
      b.steps.flat().some((s) => s.length === 5) && b.steps.flat().some((s) => s.length <= 3),
    ),
    robustCase(rng, 'hidden: every solution one step long (min = product = last)', { P: 5, K: 8, S: 6, aggregation: 'product', minLength: 1, maxLength: 1 }),
    robustCase(rng, 'hidden: min, full-length solutions (no padding)', { P: 5, K: 8, S: 7, aggregation: 'min', minLength: 7, maxLength: 7 }),
    robustCase(rng, 'hidden: min, padding all zeros', { P: 6, K: 8, S: 10, aggregation: 'min', pad: 'zero', maxLength: 8 }),
    robustCase(rng, 'hidden: product, padding all zeros', { P: 6, K: 8, S: 10, aggregation: 'product', pad: 'zero', maxLength: 8, lo: 0.4 }),
    robustCase(rng, 'hidden: min, exact PRM ties (duplicated best solution)', { P: 6, K: 6, S: 8, aggregation: 'min', prmTies: true }, hasLastTie),
    robustCase(rng, 'hidden: product, exact PRM ties (duplicated best solution)', { P: 6, K: 6, S: 8, aggregation: 'product', prmTies: true, lo: 0.4 }, hasLastTie),
    robustCase(rng, 'hidden: last, exact PRM and ORM ties', { P: 6, K: 6, S: 8, aggregation: 'last', prmTies: true, ormTies: true }, hasLastTie),
    robustCase(rng, 'hidden: min, exact ORM ties', { P: 8, K: 5, S: 6, aggregation: 'min', ormTies: true }),
    robustCase(rng, 'hidden: one solution per problem (K = 1)', { P: 7, K: 1, S: 6, aggregation: 'min' }),
    robustCase(rng, 'hidden: one problem (P = 1), 32 solutions', { P: 1, K: 32, S: 10, aggregation: 'product', lo: 0.5 }),
    robustCase(rng, 'hidden: no solution correct (accuracy 0)', { P: 5, K: 6, S: 6, aggregation: 'last', pCorrect: 0 }),
    robustCase(rng, 'hidden: every solution correct (accuracy 1)', { P: 5, K: 6, S: 6, aggregation: 'min', pCorrect: 1 }),
    robustCase(rng, 'hidden: product over long solutions (up to 40 steps)', { P: 6, K: 8, S: 40, aggregation: 'product', minLength: 5, lo: 0.8 }, differ),
    robustCase(rng, 'hidden: min, 64 problems × 8 solutions', { P: 64, K: 8, S: 15, aggregation: 'min' }, differ),
  ];
}

export default defineProblem({
  id: 'rl/process-reward',
  entry: 'processRewardBestOfN',
  argNames: ['stepScores', 'lengths', 'outcomeScores', 'correct', 'aggregation'],
  reference: processRewardBestOfN,
  output: objectOf({
    prmScores: tensorOf('float32', (args) => shapeOf(args, 1)),
    prmChoice: tensorOf('int32', (args) => [shapeOf(args, 1)[0]]),
    ormChoice: tensorOf('int32', (args) => [shapeOf(args, 1)[0]]),
    prmAccuracy: scalarTensor('float32'),
    ormAccuracy: scalarTensor('float32'),
  }),
  cases,
  mistakes: [
    {
      id: 'unmasked-min',
      title: 'min taken over the padding too',
      explanation:
        'Steps at t ≥ lengths[p, k] are padding, not scores: a padded 0 becomes the minimum of every short solution. Replace the padding by +∞ (tf.where with the length mask) before taking the min over the step axis.',
      diagnostic: 'mismatch',
    },
    {
      id: 'unmasked-product',
      title: 'product taken over the padding too',
      explanation: 'The product must run over the real steps only: set padded positions to 1 (the neutral element of ×) with the length mask before multiplying along the step axis.',
      diagnostic: 'mismatch',
    },
    {
      id: 'last-padded-position',
      title: '"last" read at position S − 1 instead of lengths − 1',
      explanation: 'Solutions have different step counts: the last real step of solution (p, k) is at index lengths[p, k] − 1. Index S − 1 is padding for every solution shorter than S.',
      diagnostic: 'mismatch',
    },
    {
      id: 'last-off-by-one',
      title: '"last" read at index lengths instead of lengths − 1',
      explanation: 'A solution with n steps has them at indices 0 … n − 1, so its last step is at n − 1. Index n is the first padding slot (or past the end when n = S).',
      diagnostic: 'mismatch',
    },
    {
      id: 'tie-break-last',
      title: 'best-of-n ties broken towards the highest index',
      explanation: 'When two solutions score exactly the same, the lowest index wins: keep the running best unless a later score is strictly greater (or use an argmax that returns the first maximum).',
      diagnostic: 'mismatch',
    },
    {
      id: 'argmax-wrong-axis',
      title: 'best-of-n taken over problems instead of over solutions',
      explanation: 'Each problem picks one of its own K solutions: the argmax runs over axis 1 (solutions) of the [P, K] scores, giving one index per problem. Axis 0 compares different problems.',
      diagnostic: 'shape',
    },
    {
      id: 'accuracy-over-all-solutions',
      title: 'accuracy averaged over every solution, not over the selected ones',
      explanation:
        'Best-of-n accuracy is the fraction of problems whose selected solution is correct, correct[p, choice[p]] averaged over P. Averaging correct over all P·K solutions measures the sampler, not the reranker, and is the same for PRM and ORM.',
      diagnostic: 'mismatch',
    },
  ],
});
