import { defineProblem, type CaseSpec } from '../../../src/judge/problem';
import { objectOf, shapeOf, tensorOf } from '../../../src/judge/contract';
import { tensorSpec, type TensorSpec } from '../../../src/judge/inputs';
import type { Rng } from '../../../src/judge/rng';
import { tdTargets } from './reference';

interface Opts {
  /** Probability that an episode ends at a given step. */
  pDone?: number;
  /** Force done at the last step of every rollout. */
  lastDone?: boolean;
  valueScale?: number;
  rewardScale?: number;
}

function rollout(rng: Rng, N: number, T: number, o: Opts = {}): TensorSpec[] {
  const { pDone = 0.1, lastDone = false, valueScale = 1, rewardScale = 1 } = o;
  const rewards: number[] = [];
  const dones: number[] = [];
  for (let b = 0; b < N; b++) {
    for (let t = 0; t < T; t++) {
      rewards.push(rewardScale * rng.gaussian());
      dones.push((lastDone && t === T - 1) || rng.next() < pDone ? 1 : 0);
    }
  }
  return [tensorSpec(rewards, [N, T]), rng.normal([N, T + 1], valueScale), tensorSpec(dones, [N, T])];
}

function hidden(rng: Rng, name: string, N: number, T: number, gamma: number, n: number, lam: number, o?: Opts): CaseSpec {
  if (!(Number.isInteger(n) && n >= 1)) throw new Error(`${name}: n must be a positive integer`);
  return { name, public: false, args: [...rollout(rng, N, T, o), gamma, n, lam] };
}

function cases(rng: Rng): CaseSpec[] {
  const list: CaseSpec[] = [
    {
      name: 'example 1: one rollout, no episode end (cut off at T)',
      public: true,
      args: [tensorSpec([1, 0, 2, 1], [1, 4]), tensorSpec([0.5, 1, 2, 0.5, 4], [1, 5]), tensorSpec([0, 0, 0, 0], [1, 4]), 0.5, 2, 0.5],
    },
    {
      name: 'example 2: two rollouts with episode ends',
      public: true,
      args: [
        tensorSpec([1, 2, 3, 4, 5, 0, 0, 1, 0, 0], [2, 5]),
        tensorSpec([0, 1, 2, 3, 4, 10, 1, 1, 1, 1, 1, 1], [2, 6]),
        tensorSpec([0, 1, 0, 0, 0, 0, 0, 1, 0, 1], [2, 5]),
        0.5,
        2,
        0.5,
      ],
    },
    hidden(rng, 'hidden: 4 rollouts × 16 steps, n = 5, λ = 0.95', 4, 16, 0.99, 5, 0.95),
    hidden(rng, 'hidden: one rollout of one step', 1, 1, 0.9, 3, 0.8),
    hidden(rng, 'hidden: n = 1 and λ = 0 (both one-step TD)', 3, 8, 0.9, 1, 0, { pDone: 0.2 }),
    hidden(rng, 'hidden: n > T (n-step = Monte-Carlo)', 2, 10, 0.95, 50, 0.7, { pDone: 0.1 }),
    hidden(rng, 'hidden: n = T exactly', 2, 9, 0.9, 9, 0.6, { pDone: 0.05 }),
    hidden(rng, 'hidden: no episode ends, truncated rollout (bootstrap matters)', 3, 12, 0.95, 4, 0.9, { pDone: 0, valueScale: 5 }),
    hidden(rng, 'hidden: done at every step', 2, 6, 0.9, 3, 0.8, { pDone: 1 }),
    hidden(rng, 'hidden: many short episodes', 3, 24, 0.99, 6, 0.9, { pDone: 0.35 }),
    hidden(rng, 'hidden: every rollout ends at its last step', 3, 10, 0.97, 4, 0.85, { pDone: 0.05, lastDone: true }),
    hidden(rng, 'hidden: λ = 1 (λ-return = Monte-Carlo)', 2, 12, 0.9, 3, 1, { pDone: 0.15 }),
    hidden(rng, 'hidden: γ = 1', 2, 9, 1, 3, 0.9, { pDone: 0.15 }),
    hidden(rng, 'hidden: large rewards and values', 4, 32, 0.99, 8, 0.95, { rewardScale: 100, valueScale: 300, pDone: 0.05 }),
  ];
  for (let i = 0; i < 3; i++) {
    list.push(
      hidden(rng, `hidden: random ${i + 1}`, rng.int(1, 6), rng.int(2, 40), rng.pick([0.9, 0.95, 0.99]), rng.int(1, 10), rng.pick([0.5, 0.8, 0.9, 0.95]), {
        pDone: 0.2 * rng.next(),
      }),
    );
  }
  return list;
}

export default defineProblem({
  id: 'rl/td-lambda',
  entry: 'tdTargets',
  argNames: ['rewards', 'values', 'dones', 'gamma', 'n', 'lam'],
  reference: tdTargets,
  // { nStep, lambdaReturn, monteCarlo }: [N, T] float32 each (rewards' shape).
  output: objectOf({
    nStep: tensorOf('float32', (args) => shapeOf(args, 0)),
    lambdaReturn: tensorOf('float32', (args) => shapeOf(args, 0)),
    monteCarlo: tensorOf('float32', (args) => shapeOf(args, 0)),
  }),
  cases,
  mistakes: [
    {
      id: 'sum-crosses-done',
      title: 'returns sum rewards across episode boundaries',
      explanation:
        'When done_{t+j} = 1 the episode ends after r_{t+j}: stop summing there and drop the bootstrap. Carrying on adds the next episode’s rewards (and values) to this episode’s return.',
      diagnostic: 'mismatch',
    },
    {
      id: 'bootstrap-after-done',
      title: 'stops at a done but still bootstraps from V(s_{t+j+1})',
      explanation:
        'A finished episode has no future: after a done the return is just the discounted rewards. s_{t+j+1} is the first state of the next episode, so its value must not be added.',
      diagnostic: 'mismatch',
    },
    {
      id: 'cutoff-as-terminal',
      title: 'end of the rollout treated as the end of the episode',
      explanation:
        'A rollout cut at T steps without a done is truncated, not finished: a return that reaches the end must bootstrap from values[:, T] (times γ^m). Only a done drops the bootstrap.',
      diagnostic: 'mismatch',
    },
    {
      id: 'bootstrap-discount-off-by-one',
      title: 'bootstrap value discounted by γ^(m−1) instead of γ^m',
      explanation:
        'After m rewards r_t … r_{t+m−1} (discounted γ^0 … γ^(m−1)), the value of s_{t+m} is m steps away: G^(m) = Σ_{j<m} γ^j r_{t+j} + γ^m V(s_{t+m}).',
      diagnostic: 'mismatch',
    },
    {
      id: 'lambda-tail-missing',
      title: 'λ-return without the tail weight λ^(h−1) on the final return',
      explanation:
        'The weights (1 − λ)λ^(k−1) sum to 1 only over an infinite horizon. In a finite episode every return from k = h on equals the full return, so it collects the whole remaining weight: G^λ = (1 − λ)Σ_{k<h} λ^(k−1)G^(k) + λ^(h−1)G^(h).',
      diagnostic: 'mismatch',
    },
    {
      id: 'monte-carlo-no-reset',
      title: 'Monte-Carlo return not reset at episode ends',
      explanation:
        'The backward recursion G_t = r_t + γG_{t+1} must cut the carry at a done: G_t = r_t + γ(1 − done_t)G_{t+1}. Otherwise the return runs on into the next episode.',
      diagnostic: 'mismatch',
    },
    {
      id: 'lambda-uses-current-value',
      title: 'λ-recursion mixes in V(s_t) instead of V(s_{t+1})',
      explanation:
        'Recursively, G^λ_t = r_t + γ(1 − done_t)[(1 − λ)V(s_{t+1}) + λG^λ_{t+1}]: the one-step part bootstraps from the next state’s value, not the current one.',
      diagnostic: 'mismatch',
    },
  ],
});
