import { defineProblem, type CaseSpec } from '../../../src/judge/problem';
import { objectOf, shapeOf, tensorOf } from '../../../src/judge/contract';
import { tensorSpec, type TensorSpec } from '../../../src/judge/inputs';
import type { Rng } from '../../../src/judge/rng';
import { gae } from './reference';

interface Opts {
  /** Probability that an episode ends at a given step. */
  pDone?: number;
  /** Force done at the last step of every rollout. */
  lastDone?: boolean;
  valueScale?: number;
  /** Sparse rewards: most steps 0, occasionally ±rewardScale. */
  sparse?: boolean;
  rewardScale?: number;
}

function rollout(rng: Rng, N: number, T: number, o: Opts = {}): TensorSpec[] {
  const { pDone = 0.1, lastDone = false, valueScale = 1, sparse = false, rewardScale = 1 } = o;
  const rewards: number[] = [];
  const dones: number[] = [];
  for (let n = 0; n < N; n++) {
    for (let t = 0; t < T; t++) {
      rewards.push(sparse ? (rng.next() < 0.2 ? rewardScale * (rng.next() < 0.5 ? 1 : -1) : 0) : rewardScale * rng.gaussian());
      dones.push((lastDone && t === T - 1) || rng.next() < pDone ? 1 : 0);
    }
  }
  return [tensorSpec(rewards, [N, T]), rng.normal([N, T + 1], valueScale), tensorSpec(dones, [N, T])];
}

function hidden(rng: Rng, name: string, N: number, T: number, gamma: number, lam: number, o?: Opts): CaseSpec {
  return { name, public: false, args: [...rollout(rng, N, T, o), gamma, lam] };
}

function cases(rng: Rng): CaseSpec[] {
  const list: CaseSpec[] = [
    {
      name: 'example 1: one rollout, no episode end',
      public: true,
      args: [tensorSpec([1, 0, 2], [1, 3]), tensorSpec([0.5, 0.4, 1, 0.8], [1, 4]), tensorSpec([0, 0, 0], [1, 3]), 0.9, 0.8],
    },
    {
      name: 'example 2: two rollouts with episode ends',
      public: true,
      args: [
        tensorSpec([1, 1, 1, 1, 0, 0, 0, 5], [2, 4]),
        tensorSpec([0.5, 1, 2, 0.3, 0.7, 1, 1.5, 2, 3, 10], [2, 5]),
        tensorSpec([0, 1, 0, 0, 0, 0, 0, 1], [2, 4]),
        0.9,
        0.5,
      ],
    },
    hidden(rng, 'hidden: 4 rollouts × 16 steps, γ = 0.99, λ = 0.95', 4, 16, 0.99, 0.95),
    hidden(rng, 'hidden: one rollout, one step', 1, 1, 0.99, 0.95),
    hidden(rng, 'hidden: one step per rollout, some done', 5, 1, 0.9, 0.7, { pDone: 0.5 }),
    hidden(rng, 'hidden: no episode ends, truncated rollout (bootstrap matters)', 2, 10, 0.95, 0.9, { pDone: 0, valueScale: 5 }),
    hidden(rng, 'hidden: every rollout ends at its last step', 3, 8, 0.97, 0.9, { pDone: 0.05, lastDone: true }),
    hidden(rng, 'hidden: many short episodes', 3, 20, 0.99, 0.95, { pDone: 0.35 }),
    hidden(rng, 'hidden: done at every step', 2, 6, 0.9, 0.9, { pDone: 1 }),
    hidden(rng, 'hidden: λ = 1 (Monte-Carlo-like), sparse rewards', 2, 12, 0.9, 1, { sparse: true }),
    hidden(rng, 'hidden: λ = 0 (one-step TD)', 3, 7, 0.8, 0, { pDone: 0.2 }),
    hidden(rng, 'hidden: γ = 1, λ = 0.9', 2, 9, 1, 0.9, { pDone: 0.15 }),
    hidden(rng, 'hidden: large rewards and values', 4, 32, 0.99, 0.95, { rewardScale: 100, valueScale: 300, pDone: 0.05 }),
  ];
  for (let i = 0; i < 3; i++) {
    list.push(hidden(rng, `hidden: random ${i + 1}`, rng.int(1, 6), rng.int(2, 40), rng.pick([0.9, 0.95, 0.99]), rng.pick([0.8, 0.9, 0.95]), { pDone: 0.2 * rng.next() }));
  }
  return list;
}

export default defineProblem({
  id: 'rl/gae',
  entry: 'gae',
  argNames: ['rewards', 'values', 'dones', 'gamma', 'lam'],
  reference: gae,
  // { advantages: [N, T], returns: [N, T] }, float32: rewards' shape.
  output: objectOf({
    advantages: tensorOf('float32', (args) => shapeOf(args, 0)),
    returns: tensorOf('float32', (args) => shapeOf(args, 0)),
  }),
  cases,
  mistakes: [
    {
      id: 'no-done-reset',
      title: 'episode boundaries ignored (dones unused)',
      explanation:
        'When done_t = 1 the next state belongs to a new episode: multiply both the bootstrap γV_{t+1} and the carried trace γλA_{t+1} by (1 − done_t).',
      diagnostic: 'mismatch',
    },
    {
      id: 'done-bootstrap-only',
      title: 'done masks the bootstrap value but not the recursion',
      explanation:
        'δ_t is right, but A_t = δ_t + γλA_{t+1} still carries the next episode\'s advantage across the boundary. Use γλ(1 − done_t)A_{t+1}.',
      diagnostic: 'mismatch',
    },
    {
      id: 'bootstraps-through-done',
      title: 'bootstraps through a done: V_{t+1} not masked in δ',
      explanation:
        'When done_t = 1, s_{t+1} is the first state of the next episode, so its value is no part of this return: δ_t = r_t − V_t. Multiply the bootstrap γV_{t+1} by (1 − done_t) as well as the carried advantage.',
      diagnostic: 'mismatch',
    },
    {
      id: 'done-shifted',
      title: 'done mask taken from the wrong step (dones[t + 1])',
      explanation:
        'Here dones[t] means "the episode ended after step t", so step t uses (1 − dones[t]). Indexing dones[t + 1] mixes in the convention where the flag marks the first step of a new episode.',
      diagnostic: 'mismatch',
    },
    {
      id: 'bootstrap-ignored',
      title: 'last step bootstraps from 0 instead of values[:, T]',
      explanation:
        'A rollout cut at T steps is truncated, not terminated: unless done, δ_{T−1} = r + γ·values[:, T] − V_{T−1}. values has T + 1 columns for exactly this reason.',
      diagnostic: 'mismatch',
    },
    {
      id: 'gamma-lambda-swapped',
      title: 'λ used as the discount in the TD error',
      explanation: 'The TD error discounts with γ: δ_t = r_t + γV_{t+1}(1 − done_t) − V_t. λ only appears in the trace decay γλ.',
      diagnostic: 'mismatch',
    },
    {
      id: 'lambda-only-decay',
      title: 'trace decays by λ instead of γλ',
      explanation: 'A_t = Σ_k (γλ)^k δ_{t+k}: each step back multiplies by γλ, not λ alone.',
      diagnostic: 'mismatch',
    },
    {
      id: 'returns-equal-advantages',
      title: 'returns = advantages (values not added back)',
      explanation: 'The value-function target is the λ-return A_t + V_t; returning the advantages makes the critic regress towards 0-centred targets.',
      diagnostic: 'mismatch',
    },
    {
      id: 'missing-lambda',
      title: 'trace decays by γ only (λ left out of the recursion)',
      explanation:
        'The GAE recursion is A_t = δ_t + γλ(1 − d_t)A_{t+1}. Dropping λ makes every advantage the full discounted sum of TD errors (the λ = 1 Monte-Carlo advantage).',
      diagnostic: 'mismatch',
    },
    {
      id: 'returns-use-next-value',
      title: 'returns add V_{t+1} instead of V_t',
      explanation:
        'The value target is the advantage plus the value of the state it was measured from: R_t = A_t + V(s_t), i.e. values[:, t], not values[:, t + 1].',
      diagnostic: 'mismatch',
    },
    {
      id: 'advantages-normalized',
      title: 'advantages normalized (mean 0, std 1) before returning',
      explanation:
        'Normalizing advantages is a separate step of the PPO update, not part of GAE: return the raw A_t (and R_t = A_t + V_t) as defined.',
      diagnostic: 'mismatch',
    },
    {
      id: 'recursion-runs-forward',
      title: 'recursion run forward in time (t = 0 … T − 1)',
      explanation:
        'A_t depends on the future: A_t = δ_t + γλ(1 − d_t)A_{t+1}, so the loop must run backwards from t = T − 1. Running it forward accumulates past TD errors instead.',
      diagnostic: 'mismatch',
    },
    {
      id: 'delta-undiscounted',
      title: 'TD error without γ on the next value: δ = r + V(s′) − V(s)',
      explanation:
        'The TD error discounts the bootstrap: δ_t = r_t + γ(1 − d_t)V_{t+1} − V_t. Leaving γ out overvalues the next state at every step.',
      diagnostic: 'mismatch',
    },
    {
      id: 'delta-sign-flipped',
      title: 'TD error sign flipped: δ = V(s) − (r + γV(s′))',
      explanation:
        'The TD error is how much better the step went than the critic expected: δ_t = r_t + γ(1 − d_t)V_{t+1} − V_t. Writing it the other way round negates every advantage, and the returns A + V come out wrong too.',
      diagnostic: 'mismatch',
    },
    {
      id: 'bootstrap-from-last-step-value',
      title: 'last step bootstraps from V_{T−1} instead of the bootstrap column values[:, T]',
      explanation:
        'values has T + 1 columns: values[:, T] is the value of the state after the last step. Reading only the first T columns (and reusing V_{T−1} for the last step) bootstraps a truncated rollout from the wrong state.',
      diagnostic: 'mismatch',
    },
    {
      id: 'returns-monte-carlo',
      title: 'returns computed as the discounted reward sum instead of A + V',
      explanation:
        'The returns asked for are the λ-returns A_t + V_t, the targets that match the advantages. The bootstrapped discounted reward sum r_t + γ(1 − d_t)R_{t+1} only equals them when λ = 1.',
      diagnostic: 'mismatch',
    },
  ],
});
