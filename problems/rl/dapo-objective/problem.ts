import { defineProblem, type CaseSpec } from '../../../src/judge/problem';
import { objectOf, scalarTensor, shapeOf, tensorOf } from '../../../src/judge/contract';
import { tensorSpec } from '../../../src/judge/inputs';
import type { Rng } from '../../../src/judge/rng';
import { dapoObjective } from './reference';

interface Opts {
  epsLow?: number;
  epsHigh?: number;
  maxLength?: number;
  cacheLength?: number;
  eps?: number;
  /** Std of (new − old) log-probs. */
  drift?: number;
  /** Fraction of tokens with new = old exactly. */
  pSame?: number;
  /** Response lengths; random in [1, T] when absent. */
  lengths?: number[];
  /** Raw rewards; random 0/1 when absent. */
  rewards?: number[];
}

function batch(rng: Rng, name: string, nGroups: number, G: number, T: number, o: Opts = {}): CaseSpec {
  const { epsLow = 0.2, epsHigh = 0.28, drift = 0.25, pSame = 0, eps = 1e-6 } = o;
  const maxLength = o.maxLength ?? Math.max(2, T - 2);
  const cacheLength = o.cacheLength ?? Math.max(1, Math.floor(maxLength / 3));
  const N = nGroups * G;
  const lengths = o.lengths ?? Array.from({ length: N }, () => rng.int(1, T));
  if (lengths.length !== N || lengths.some((n) => n < 1 || n > T)) throw new Error(`${name}: bad lengths`);
  const lp: number[] = [];
  const old: number[] = [];
  const mask: number[] = [];
  for (let i = 0; i < N; i++) {
    for (let t = 0; t < T; t++) {
      if (t >= lengths[i]) {
        lp.push(-10 * rng.next());
        old.push(-10 * rng.next());
        mask.push(0);
        continue;
      }
      const x = -(0.01 + 5 * rng.next());
      old.push(x);
      lp.push(rng.next() < pSame ? x : x + drift * rng.gaussian());
      mask.push(1);
    }
  }
  const rewards = o.rewards ?? Array.from({ length: N }, () => (rng.next() < 0.5 ? 1 : 0));
  return {
    name,
    public: false,
    args: [tensorSpec(lp, [N, T]), tensorSpec(old, [N, T]), tensorSpec(mask, [N, T]), tensorSpec(rewards, [N]), G, epsLow, epsHigh, maxLength, cacheLength, eps],
  };
}

function cases(rng: Rng): CaseSpec[] {
  const prefix = (lengths: number[], T: number) => lengths.flatMap((L) => Array.from({ length: T }, (_, t) => (t < L ? 1 : 0)));
  return [
    {
      name: 'example 1: two groups of 2, the second all correct (dropped), length penalties',
      public: true,
      args: [
        tensorSpec([-0.75, -0.8, 0, 0, 0, 0, -1.3, -0.5, -0.9, -2, 0, 0, -1, -1, -1, 0, 0, 0, -1, -1, -1, -1, -1, -1], [4, 6]),
        tensorSpec([-1, -1, 0, 0, 0, 0, -1, -0.6, -0.8, -2, 0, 0, -1.2, -1, -1, 0, 0, 0, -1, -1, -1, -1, -1, -1], [4, 6]),
        tensorSpec(prefix([2, 4, 3, 6], 6), [4, 6]),
        tensorSpec([1, 0, 1, 1], [4]),
        2, 0.2, 0.28, 5, 2, 1e-6,
      ],
    },
    {
      name: 'example 2: one group of 3, ragged lengths (token-level mean)',
      public: true,
      args: [
        tensorSpec([-0.5, -1, -0.3, -2, -1.5, 0, 0, 0, -0.4, -0.9, 0, 0], [3, 4]),
        tensorSpec([-0.6, -1, -0.6, -1.9, -1, 0, 0, 0, -0.5, -0.9, 0, 0], [3, 4]),
        tensorSpec(prefix([4, 1, 2], 4), [3, 4]),
        tensorSpec([1, 0, 0], [3]),
        3, 0.2, 0.28, 8, 4, 1e-6,
      ],
    },
    batch(rng, 'hidden: 4 groups of 4, binary rewards, ragged lengths', 4, 4, 12, { rewards: [1, 0, 0, 1, 1, 1, 1, 1, 0, 1, 0, 0, 0, 0, 0, 0], drift: 0.3 }),
    batch(rng, 'hidden: large updates (many tokens clipped on both sides)', 3, 4, 10, { rewards: [1, 0, 1, 0, 0, 0, 1, 0, 1, 1, 0, 1], drift: 0.8 }),
    batch(rng, 'hidden: every group all right or all wrong (all dropped: loss 0)', 3, 3, 8, { rewards: [1, 1, 1, 0, 0, 0, 1, 1, 1] }),
    batch(rng, 'hidden: group size 1 (always dropped) ', 4, 1, 6, { rewards: [1, 0, 1, 0] }),
    batch(rng, 'hidden: lengths exactly at L_max − L_c and at L_max', 2, 3, 10, { maxLength: 8, cacheLength: 3, lengths: [5, 8, 6, 5, 7, 8], rewards: [1, 0, 1, 0, 1, 1] }),
    batch(rng, 'hidden: responses longer than L_max (penalty −1)', 2, 4, 12, { maxLength: 7, cacheLength: 3, lengths: [12, 9, 3, 6, 11, 5, 8, 2], rewards: [1, 1, 0, 0, 0, 1, 1, 0] }),
    batch(rng, 'hidden: all-correct group with different length penalties (still dropped)', 2, 3, 10, { maxLength: 8, cacheLength: 4, lengths: [3, 6, 8, 2, 7, 9], rewards: [1, 1, 1, 0, 1, 0] }),
    batch(rng, 'hidden: ε_low = ε_high (symmetric clip)', 2, 4, 8, { epsLow: 0.2, epsHigh: 0.2, rewards: [1, 0, 0, 0, 1, 1, 0, 1], drift: 0.4 }),
    batch(rng, 'hidden: new = old (ratio exactly 1)', 2, 3, 6, { pSame: 1, rewards: [1, 0, 1, 0, 0, 1] }),
    batch(rng, 'hidden: 8 groups of 8, long responses', 8, 8, 40, { maxLength: 32, cacheLength: 8, drift: 0.3 }),
    batch(rng, 'hidden: scored rewards, large eps', 2, 4, 8, { rewards: [0.2, 0.5, 0.9, 0.1, 0.3, 0.3, 0.8, 0.4], eps: 0.1 }),
    ...[1, 2, 3].map((i) => {
      const T = rng.int(2, 16);
      return batch(rng, `hidden: random ${i}`, rng.int(1, 4), rng.int(2, 6), T, {
        epsLow: rng.pick([0.1, 0.2]),
        epsHigh: rng.pick([0.2, 0.28, 0.3]),
        drift: 0.1 + 0.5 * rng.next(),
      });
    }),
  ];
}

export default defineProblem({
  id: 'rl/dapo-objective',
  entry: 'dapoObjective',
  argNames: ['logProbs', 'oldLogProbs', 'responseMask', 'rewards', 'groupSize', 'epsLow', 'epsHigh', 'maxLength', 'cacheLength', 'eps'],
  reference: dapoObjective,
  output: objectOf({
    loss: scalarTensor(),
    advantages: tensorOf('float32', (args) => shapeOf(args, 3)),
    shapedRewards: tensorOf('float32', (args) => shapeOf(args, 3)),
  }),
  cases,
  mistakes: [
    {
      id: 'symmetric-clip',
      title: 'symmetric clip range (epsLow on both sides)',
      explanation: 'Clip-higher uses [1 − epsLow, 1 + epsHigh]: the upper bound is looser so that unlikely tokens can still grow. Use epsHigh for the upper bound.',
      diagnostic: 'mismatch',
    },
    {
      id: 'clip-bounds-swapped',
      title: 'clip bounds swapped: [1 − epsHigh, 1 + epsLow]',
      explanation: 'epsLow bounds the ratio from below (1 − epsLow) and epsHigh from above (1 + epsHigh).',
      diagnostic: 'mismatch',
    },
    {
      id: 'sequence-level-mean',
      title: 'per-sequence mean instead of one token-level mean',
      explanation: 'DAPO sums the surrogate over every response token of the kept groups and divides once by the number of those tokens; averaging within each response first gives the tokens of long answers less weight.',
      diagnostic: 'mismatch',
    },
    {
      id: 'no-dynamic-sampling',
      title: 'all-equal groups kept (no dynamic sampling)',
      explanation: 'A group whose raw rewards are all equal is dropped: its advantages are 0 and its tokens do not count in the denominator.',
      diagnostic: 'mismatch',
    },
    {
      id: 'filter-on-shaped',
      title: 'groups filtered on the shaped rewards',
      explanation: 'Dynamic sampling looks at the verifier\'s raw rewards (all right / all wrong). Length penalties can make an all-correct group look mixed; it must still be dropped.',
      diagnostic: 'mismatch',
    },
    {
      id: 'penalty-sign',
      title: 'overlong ramp with the wrong sign',
      explanation: 'In the last cacheLength tokens before maxLength the reward falls linearly: ((maxLength − cacheLength) − |y|) / cacheLength ≤ 0.',
      diagnostic: 'mismatch',
    },
    {
      id: 'penalty-no-cap',
      title: 'overlong ramp not capped at −1 beyond maxLength',
      explanation: 'For |y| > maxLength the penalty is exactly −1; only the interval (maxLength − cacheLength, maxLength] is linear.',
      diagnostic: 'mismatch',
    },
    {
      id: 'length-as-T',
      title: 'response length taken as the padded length T',
      explanation: '|y| is the number of response tokens, the row sum of responseMask, not the padded width of the batch.',
      diagnostic: 'mismatch',
    },
    {
      id: 'mask-ignored',
      title: 'padding positions counted as response tokens',
      explanation: 'Sum the surrogate over response tokens only and divide by their count; padding holds meaningless log-probs.',
      diagnostic: 'mismatch',
    },
    {
      id: 'advantages-from-raw',
      title: 'advantages computed from the raw rewards',
      explanation: 'The length penalty is part of the reward: normalise the shaped rewards r + R_len within each kept group.',
      diagnostic: 'mismatch',
    },
  ],
});
