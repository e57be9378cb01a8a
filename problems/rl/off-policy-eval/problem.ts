import { defineProblem, type CaseSpec } from '../../../src/judge/problem';
import { objectOf, scalarTensor, shapeOf, tensorOf } from '../../../src/judge/contract';
import { tensorSpec, type TensorSpec } from '../../../src/judge/inputs';
import type { Rng } from '../../../src/judge/rng';
import { offPolicyEval } from './reference';

interface Opts {
  /** Number of actions the policies choose among. */
  actions?: number;
  /** Lengths: every trajectory has length T (no padding) when false. */
  varyLength?: boolean;
  /** Target policy equal to the behaviour policy. */
  onPolicy?: boolean;
  /** π(a) = μ(a)·U(1, boost) (capped at 1) for the logged action: ratios above 1, products that grow. */
  boost?: number;
  /** Probability that the target policy gives a logged action probability 0. */
  pZero?: number;
  /** Sharpness of the policies' logits (larger = more deterministic, larger ratios). */
  temperature?: number;
  rewardScale?: number;
}

function softmax(logits: number[]): number[] {
  const mx = Math.max(...logits);
  const e = logits.map((x) => Math.exp(x - mx));
  const s = e.reduce((a, b) => a + b, 0);
  return e.map((x) => x / s);
}

/**
 * N logged trajectories: at each step the behaviour policy μ (a softmax over random logits) samples
 * an action; π and μ record that action's probability under each policy. Padding after the end of
 * a trajectory holds garbage (random rewards and probabilities) that must be ignored.
 */
function logs(rng: Rng, N: number, T: number, o: Opts = {}): TensorSpec[] {
  const { actions = 4, varyLength = true, onPolicy = false, boost = 0, pZero = 0, temperature = 1, rewardScale = 1 } = o;
  const rewards: number[] = [];
  const mu: number[] = [];
  const pi: number[] = [];
  const mask: number[] = [];
  for (let i = 0; i < N; i++) {
    const length = varyLength ? rng.int(1, T) : T;
    for (let t = 0; t < T; t++) {
      if (t >= length) {
        rewards.push(10 * rng.gaussian());
        mu.push(0.01 + 0.99 * rng.next());
        pi.push(rng.next());
        mask.push(0);
        continue;
      }
      const pMu = softmax(Array.from({ length: actions }, () => temperature * rng.gaussian()));
      const pPi = onPolicy ? pMu : softmax(Array.from({ length: actions }, () => temperature * rng.gaussian()));
      let u = rng.next();
      let a = 0;
      while (a < actions - 1 && u >= pMu[a]) u -= pMu[a++];
      rewards.push(rewardScale * rng.gaussian());
      mu.push(pMu[a]);
      pi.push(rng.next() < pZero ? 0 : boost ? Math.min(1, pMu[a] * (1 + (boost - 1) * rng.next())) : pPi[a]);
      mask.push(1);
    }
  }
  return [tensorSpec(rewards, [N, T]), tensorSpec(mu, [N, T]), tensorSpec(pi, [N, T]), tensorSpec(mask, [N, T])];
}

function hidden(rng: Rng, name: string, N: number, T: number, gamma: number, o?: Opts): CaseSpec {
  return { name, public: false, args: [...logs(rng, N, T, o), gamma] };
}

/** Asserts what a case promises about the trajectory weights. */
function checkWeights(spec: CaseSpec, property: 'all-zero' | 'some-zero'): CaseSpec {
  const [, mu, pi, mask] = spec.args as TensorSpec[];
  const [N, T] = mask.shape;
  const zero = Array.from({ length: N }, (_, i) => {
    for (let t = 0; t < T; t++) if (mask.data[i * T + t] && pi.data[i * T + t] === 0 && mu.data[i * T + t] > 0) return true;
    return false;
  });
  const ok = property === 'all-zero' ? zero.every(Boolean) : zero.some(Boolean) && !zero.every(Boolean);
  if (!ok) throw new Error(`${spec.name}: trajectory weights are not ${property}`);
  return spec;
}

function cases(rng: Rng): CaseSpec[] {
  const list: CaseSpec[] = [
    {
      name: 'example 1: two full-length trajectories',
      public: true,
      args: [tensorSpec([1, 2, 0, 1], [2, 2]), tensorSpec([0.5, 0.5, 0.5, 0.25], [2, 2]), tensorSpec([0.8, 0.4, 0.2, 0.5], [2, 2]), tensorSpec([1, 1, 1, 1], [2, 2]), 0.9],
    },
    {
      name: 'example 2: padding and an action the target policy never takes',
      public: true,
      args: [
        tensorSpec([4, 9, 9, 1, 1, 1, 2, -1, 5], [3, 3]),
        tensorSpec([0.25, 0.1, 0.1, 0.5, 0.5, 0.5, 0.8, 0.5, 0.3], [3, 3]),
        tensorSpec([0.5, 0.9, 0.9, 0.5, 0, 1, 0.4, 0.5, 0.7], [3, 3]),
        tensorSpec([1, 0, 0, 1, 1, 1, 1, 1, 0], [3, 3]),
        1,
      ],
    },
    hidden(rng, 'hidden: 100 trajectories up to 20 steps, γ = 0.99', 100, 20, 0.99),
    hidden(rng, 'hidden: on-policy (π = μ: every weight is 1)', 20, 10, 0.95, { onPolicy: true }),
    checkWeights(hidden(rng, 'hidden: some logged actions have target probability 0', 30, 8, 0.9, { pZero: 0.08 }), 'some-zero'),
    checkWeights(hidden(rng, 'hidden: every trajectory has weight 0 (weighted estimate is 0)', 5, 4, 0.9, { pZero: 1 }), 'all-zero'),
    hidden(rng, 'hidden: a single trajectory', 1, 12, 0.95),
    hidden(rng, 'hidden: one-step episodes (contextual bandit)', 50, 1, 0.9),
    hidden(rng, 'hidden: equal lengths, no padding', 16, 6, 0.9, { varyLength: false }),
    hidden(rng, 'hidden: γ = 1', 20, 10, 1),
    hidden(rng, 'hidden: γ = 0 (first reward only)', 20, 6, 0),
    hidden(rng, 'hidden: long trajectories favoured by π (large ratio products)', 12, 40, 0.99, { varyLength: false, boost: 1.6, actions: 5 }),
    hidden(rng, 'hidden: large rewards', 25, 15, 0.97, { rewardScale: 100 }),
  ];
  for (let i = 0; i < 3; i++) {
    list.push(hidden(rng, `hidden: random ${i + 1}`, rng.int(2, 60), rng.int(1, 25), rng.pick([0.9, 0.95, 0.99]), { actions: rng.int(2, 6), pZero: rng.pick([0, 0.05]) }));
  }
  return list;
}

export default defineProblem({
  id: 'rl/off-policy-eval',
  entry: 'offPolicyEval',
  argNames: ['rewards', 'behaviorProbs', 'targetProbs', 'mask', 'gamma'],
  reference: offPolicyEval,
  // { ordinary, weighted, perDecision: [] float32, weights: [N] float32 }.
  output: objectOf({
    ordinary: scalarTensor('float32'),
    weighted: scalarTensor('float32'),
    perDecision: scalarTensor('float32'),
    weights: tensorOf('float32', (args) => [shapeOf(args, 0)[0]]),
  }),
  cases,
  mistakes: [
    {
      id: 'ratio-inverted',
      title: 'importance ratio inverted (μ / π)',
      explanation:
        'Re-weighting samples drawn from μ to estimate an expectation under π multiplies by π(a|s) / μ(a|s): target over behaviour. The inverse down-weights exactly the actions π likes.',
      diagnostic: 'mismatch',
    },
    {
      id: 'weighted-divides-by-n',
      title: 'weighted IS normalized by N instead of the sum of the weights',
      explanation:
        'Weighted importance sampling divides Σ ρ_i G_i by Σ ρ_i, the total weight; dividing by N is ordinary IS again. The self-normalization is what trades the bias for a much lower variance.',
      diagnostic: 'mismatch',
    },
    {
      id: 'padding-not-masked',
      title: 'padded steps included in the ratios and returns',
      explanation:
        'Steps with mask 0 lie after the end of a trajectory and hold garbage: they must contribute a ratio of 1 and a reward of 0. Skip them (and do not advance the discount).',
      diagnostic: 'mismatch',
    },
    {
      id: 'per-decision-full-ratio',
      title: 'per-decision IS weights every reward by the full-trajectory ratio',
      explanation:
        'Per-decision IS weights r_t by ρ_{0:t}, the product of the ratios up to and including step t only — later actions cannot affect r_t. Using the whole trajectory’s ratio gives ordinary IS back.',
      diagnostic: 'mismatch',
    },
    {
      id: 'per-decision-ratio-lags',
      title: 'per-decision ratio ρ_{0:t−1} misses the current action',
      explanation:
        'r_t is earned by the action a_t, so its weight must include π(a_t|s_t) / μ(a_t|s_t): multiply the running ratio before adding the reward, not after.',
      diagnostic: 'mismatch',
    },
    {
      id: 'weighted-no-zero-guard',
      title: 'weighted IS divides by a zero total weight (NaN)',
      explanation:
        'When π gives probability 0 to some logged action in every trajectory, all weights are 0 and Σ ρ_i G_i / Σ ρ_i is 0 / 0. The statement defines the weighted estimate as 0 then: guard the division.',
      diagnostic: 'non-finite',
    },
    {
      id: 'undiscounted',
      title: 'rewards not discounted (γ^t missing)',
      explanation:
        'The value being estimated is the discounted return Σ_t γ^t r_t, counted from each trajectory’s first step: multiply each reward by γ^t in all three estimators.',
      diagnostic: 'mismatch',
    },
  ],
});
