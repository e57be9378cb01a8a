import { defineProblem, type CaseSpec } from '../../../src/judge/problem';
import { scalarTensor } from '../../../src/judge/contract';
import { tensorSpec, type TensorSpec } from '../../../src/judge/inputs';
import type { Rng } from '../../../src/judge/rng';
import { reinforceLoss } from './reference';

interface Opts {
  rewardScale?: number;
  /** Only the last step is rewarded (±1), like a game won or lost. */
  terminalOnly?: boolean;
  zeroBaseline?: boolean;
}

function episodes(rng: Rng, N: number, T: number, o: Opts = {}): TensorSpec[] {
  const { rewardScale = 1, terminalOnly = false, zeroBaseline = false } = o;
  // Log-probs of sampled actions: always negative.
  const logProbs = Array.from({ length: N * T }, () => Math.log(0.02 + 0.97 * rng.next()));
  const rewards: number[] = [];
  for (let n = 0; n < N; n++) {
    for (let t = 0; t < T; t++) {
      rewards.push(terminalOnly ? (t === T - 1 ? (rng.next() < 0.5 ? 1 : -1) : 0) : rewardScale * rng.gaussian());
    }
  }
  const baselines = zeroBaseline ? new Array<number>(N * T).fill(0) : Array.from({ length: N * T }, () => rewardScale * rng.gaussian());
  return [tensorSpec(logProbs, [N, T]), tensorSpec(rewards, [N, T]), tensorSpec(baselines, [N, T])];
}

function hidden(rng: Rng, name: string, N: number, T: number, gamma: number, o?: Opts): CaseSpec {
  return { name, public: false, args: [...episodes(rng, N, T, o), gamma] };
}

function cases(rng: Rng): CaseSpec[] {
  const list: CaseSpec[] = [
    {
      name: 'example 1: one episode of 3 steps, γ = 0.9',
      public: true,
      args: [tensorSpec([-0.5, -1.2, -0.3], [1, 3]), tensorSpec([1, 0, 2], [1, 3]), tensorSpec([1.5, 1, 1.8], [1, 3]), 0.9],
    },
    {
      name: 'example 2: two episodes of 2 steps, γ = 0.5',
      public: true,
      args: [tensorSpec([-1, -2, -0.1, -0.7], [2, 2]), tensorSpec([0, 4, 1, -1], [2, 2]), tensorSpec([1, 2, 0.5, 0], [2, 2]), 0.5],
    },
    hidden(rng, 'hidden: 4 episodes × 10 steps, γ = 0.99', 4, 10, 0.99),
    hidden(rng, 'hidden: a single step', 1, 1, 0.9),
    hidden(rng, 'hidden: one episode, 12 steps, γ = 0.8', 1, 12, 0.8),
    hidden(rng, 'hidden: γ = 1 (undiscounted)', 3, 6, 1),
    hidden(rng, 'hidden: γ = 0 (only the immediate reward)', 3, 5, 0),
    hidden(rng, 'hidden: win/lose reward at the last step only', 6, 8, 0.95, { terminalOnly: true }),
    hidden(rng, 'hidden: zero baseline', 2, 7, 0.9, { zeroBaseline: true }),
    hidden(rng, 'hidden: large rewards', 3, 9, 0.97, { rewardScale: 500 }),
    hidden(rng, 'hidden: long episodes, 2 × 200 steps', 2, 200, 0.99),
    hidden(rng, 'hidden: many short episodes, 32 × 2', 32, 2, 0.9),
  ];
  for (let i = 0; i < 3; i++) {
    list.push(hidden(rng, `hidden: random ${i + 1}`, rng.int(1, 8), rng.int(2, 30), rng.pick([0.9, 0.95, 0.99])));
  }
  return list;
}

export default defineProblem({
  id: 'rl/reinforce-baseline',
  entry: 'reinforceLoss',
  argNames: ['logProbs', 'rewards', 'baselines', 'gamma'],
  reference: reinforceLoss,
  // [] (scalar tensor) (no dtype stated; float32).
  output: scalarTensor(),
  cases,
  mistakes: [
    {
      id: 'total-return',
      title: 'whole-episode return used at every step instead of the reward-to-go',
      explanation:
        'An action cannot influence rewards that came before it. Weight log π(a_t|s_t) by G_t = Σ_{k≥t} γ^{k−t} r_k, computed backwards: G_t = r_t + γ·G_{t+1}.',
      diagnostic: 'mismatch',
    },
    {
      id: 'no-baseline',
      title: 'baseline not subtracted',
      explanation: 'The weight is the advantage estimate G_t − b_t. The baseline leaves the gradient unbiased and reduces its variance; it must be subtracted.',
      diagnostic: 'mismatch',
    },
    {
      id: 'baseline-before-discounting',
      title: 'baseline subtracted from each reward before the reward-to-go sum',
      explanation:
        'The weight of step t is G_t − b_t: one baseline, the one of state s_t. Subtracting b from every reward and then discounting, Σ γ^(k−t)(r_k − b_k), drags the baselines of later states into step t. Compute G first, then subtract b.',
      diagnostic: 'mismatch',
    },
    {
      id: 'discount-from-start',
      title: 'rewards discounted from the episode start (γ^k) instead of from step t (γ^(k−t))',
      explanation: 'The reward-to-go restarts the discount at each step: G_t = r_t + γ r_{t+1} + γ² r_{t+2} + …; the backward recursion G_t = r_t + γ G_{t+1} does this for you.',
      diagnostic: 'mismatch',
    },
    {
      id: 'forward-cumsum',
      title: 'returns accumulated forward (past rewards) instead of backward',
      explanation: 'G_t sums the rewards from t to the end of the episode. Loop t from T − 1 down to 0, not from 0 up.',
      diagnostic: 'mismatch',
    },
    {
      id: 'sign-flipped',
      title: 'sign flipped: returned the objective instead of the loss',
      explanation: 'Gradient ascent on Σ log π·(G − b) is gradient descent on its negative: loss = −(1/N) Σ log π·(G − b).',
      diagnostic: 'mismatch',
    },
    {
      id: 'mean-over-steps',
      title: 'averaged over all N·T steps instead of per episode',
      explanation: 'The policy-gradient estimate sums over the steps of an episode and averages over episodes: divide the total by N, not by N·T (which shrinks the gradient by 1/T).',
      diagnostic: 'mismatch',
    },
    {
      id: 'extra-discount',
      title: 'one discount too many: G_t = γ·(r_t + G_{t+1})',
      explanation:
        'The reward at step t itself is not discounted: G_t = r_t + γ·G_{t+1}. Multiplying the whole sum by γ discounts every reward-to-go by one extra factor.',
      diagnostic: 'mismatch',
    },
    {
      id: 'gamma-ignored',
      title: 'rewards not discounted (γ ignored)',
      explanation:
        'The reward-to-go is discounted: G_t = Σ_k γ^(k−t) r_k. Summing the raw future rewards is only right for γ = 1.',
      diagnostic: 'mismatch',
    },
    {
      id: 'no-mean-over-episodes',
      title: 'summed over episodes instead of averaged (no ÷ N)',
      explanation:
        'The loss is the per-episode sum averaged over the N episodes: divide the total by N so it does not grow with the batch.',
      diagnostic: 'mismatch',
    },
    {
      id: 'baseline-added',
      title: 'baseline added to the return instead of subtracted',
      explanation:
        'The advantage is G_t − b_t: the baseline is subtracted to reduce variance. Adding it shifts every weight upward instead.',
      diagnostic: 'mismatch',
    },
    {
      id: 'returns-normalized',
      title: 'returns standardized (mean 0, std 1) before the baseline',
      explanation:
        'The statement weights each log-prob by the plain reward-to-go minus the given baseline. Standardizing the returns is a training trick that changes the loss value; leave them as computed.',
      diagnostic: 'mismatch',
    },
    {
      id: 'reward-to-go-from-next-step',
      title: 'reward-to-go starts at the next step (r_t left out of G_t)',
      explanation:
        'Step t is weighted by G_t = r_t + γ·G_{t+1}, which includes the reward collected at step t itself. Recording the running sum before adding r_t weights each step by G_{t+1} (and the last step by 0).',
      diagnostic: 'mismatch',
    },
    {
      id: 'discounted-by-gamma-t',
      title: 'advantages also scaled by γ^t',
      explanation:
        'The statement weights step t by G_t − b_t with no extra factor. Multiplying by γ^t (the episodic textbook form) shrinks the weight of later steps, so the loss differs whenever γ < 1.',
      diagnostic: 'mismatch',
    },
    {
      id: 'advantages-normalized',
      title: 'advantages standardized (mean 0, std 1) before weighting',
      explanation:
        'The loss uses the raw advantage G_t − b_t. Standardizing it is a training trick that rescales and shifts every weight, so the loss value no longer matches.',
      diagnostic: 'mismatch',
    },
  ],
});
