import { defineProblem, type CaseSpec } from '../../../src/judge/problem';
import { objectOf, shapeOf, tensorOf } from '../../../src/judge/contract';
import { tensorSpec, type TensorSpec } from '../../../src/judge/inputs';
import type { Rng } from '../../../src/judge/rng';
import { vtrace } from './reference';

interface Opts {
  pDone?: number;
  /** Spread of log(π/μ): 0 = on-policy. */
  offPolicy?: number;
  rewardScale?: number;
  valueScale?: number;
}

function rollout(rng: Rng, N: number, T: number, o: Opts = {}): TensorSpec[] {
  const { pDone = 0.1, offPolicy = 0.8, rewardScale = 1, valueScale = 1 } = o;
  const behavior: number[] = [];
  const target: number[] = [];
  const rewards: number[] = [];
  const dones: number[] = [];
  for (let i = 0; i < N * T; i++) {
    const mu = Math.log(0.05 + 0.95 * rng.next());
    behavior.push(mu);
    target.push(offPolicy ? Math.min(0, mu + offPolicy * rng.gaussian()) : mu);
    rewards.push(rewardScale * rng.gaussian());
    dones.push(rng.next() < pDone ? 1 : 0);
  }
  return [tensorSpec(behavior, [N, T]), tensorSpec(target, [N, T]), tensorSpec(rewards, [N, T]), rng.normal([N, T + 1], valueScale), tensorSpec(dones, [N, T])];
}

function hidden(rng: Rng, name: string, N: number, T: number, gamma: number, rhoBar: number, cBar: number, o?: Opts): CaseSpec {
  return { name, public: false, args: [...rollout(rng, N, T, o), gamma, rhoBar, cBar] };
}

const logs = (probs: number[], shape: number[]) => tensorSpec(probs.map(Math.log), shape);

function cases(rng: Rng): CaseSpec[] {
  const list: CaseSpec[] = [
    {
      name: 'example 1: one rollout, ratios 2, 0.5, 1, ρ̄ = c̄ = 1',
      public: true,
      args: [logs([0.25, 0.5, 0.4], [1, 3]), logs([0.5, 0.25, 0.4], [1, 3]), tensorSpec([1, 0, 1], [1, 3]), tensorSpec([0.5, 1, 0, 2], [1, 4]), tensorSpec([0, 0, 0], [1, 3]), 0.5, 1, 1],
    },
    {
      name: 'example 2: ρ̄ = 2, c̄ = 1, an episode end',
      public: true,
      args: [
        logs([0.2, 0.5, 0.5, 0.5, 0.4, 0.8], [2, 3]),
        logs([0.6, 0.5, 0.25, 1, 0.2, 0.8], [2, 3]),
        tensorSpec([1, 2, 0, 0, 1, 1], [2, 3]),
        tensorSpec([0, 1, 1, 4, 1, 0, 2, 3], [2, 4]),
        tensorSpec([0, 1, 0, 0, 0, 0], [2, 3]),
        0.9,
        2,
        1,
      ],
    },
    hidden(rng, 'hidden: 4 rollouts × 20 steps, ρ̄ = c̄ = 1', 4, 20, 0.99, 1, 1),
    hidden(rng, 'hidden: on-policy (every ratio 1)', 3, 12, 0.95, 1, 1, { offPolicy: 0 }),
    hidden(rng, 'hidden: ρ̄ = 2, c̄ = 0.5 (different thresholds)', 3, 16, 0.97, 2, 0.5),
    hidden(rng, 'hidden: ρ̄ = 0.5, c̄ = 2', 3, 16, 0.97, 0.5, 2),
    hidden(rng, 'hidden: thresholds never reached (ρ̄ = c̄ = 100)', 2, 12, 0.9, 100, 100, { offPolicy: 0.5 }),
    hidden(rng, 'hidden: many episode ends', 3, 20, 0.99, 1, 1, { pDone: 0.35 }),
    hidden(rng, 'hidden: one step', 1, 1, 0.9, 1, 1),
    hidden(rng, 'hidden: one long rollout (64 steps)', 1, 64, 0.99, 1, 1),
    hidden(rng, 'hidden: γ = 1', 2, 10, 1, 1, 1, { pDone: 0.15 }),
    hidden(rng, 'hidden: very off-policy (ratios from 0.01 to 100)', 3, 12, 0.95, 1, 1, { offPolicy: 2.5 }),
    hidden(rng, 'hidden: large rewards and values', 3, 20, 0.99, 1, 1, { rewardScale: 50, valueScale: 200 }),
  ];
  for (let i = 0; i < 3; i++) {
    list.push(hidden(rng, `hidden: random ${i + 1}`, rng.int(1, 6), rng.int(2, 30), rng.pick([0.9, 0.95, 0.99]), rng.pick([1, 1.5, 2]), rng.pick([0.5, 1]), { pDone: 0.2 * rng.next() }));
  }
  return list;
}

export default defineProblem({
  id: 'rl/v-trace',
  entry: 'vtrace',
  argNames: ['behaviorLogProbs', 'targetLogProbs', 'rewards', 'values', 'dones', 'gamma', 'rhoBar', 'cBar'],
  reference: vtrace,
  // { vs: [N, T], pgAdvantages: [N, T] } float32 (rewards' shape).
  output: objectOf({
    vs: tensorOf('float32', (args) => shapeOf(args, 2)),
    pgAdvantages: tensorOf('float32', (args) => shapeOf(args, 2)),
  }),
  cases,
  mistakes: [
    {
      id: 'ratios-unclipped',
      title: 'importance ratios not truncated (ρ̄ and c̄ ignored)',
      explanation:
        'V-trace truncates both weights: ρ_t = min(ρ̄, π/μ) and c_t = min(c̄, π/μ). Without the truncation a single unlikely behaviour action can blow up the targets — the variance V-trace exists to control.',
      diagnostic: 'mismatch',
    },
    {
      id: 'trace-clipped-at-rho-bar',
      title: 'trace coefficient c_t truncated at ρ̄ instead of c̄',
      explanation: 'The two thresholds play different roles: ρ̄ (in δ_t and the policy gradient) decides which value function is learned, c̄ (in the trace c_t) how fast corrections propagate. Use c_t = min(c̄, π/μ).',
      diagnostic: 'mismatch',
    },
    {
      id: 'pg-bootstraps-from-values',
      title: 'policy-gradient advantage bootstraps from V(x_{t+1}) instead of v_{t+1}',
      explanation: 'IMPALA’s advantage is ρ_t(r_t + γ·v_{t+1} − V(x_t)): the bootstrap is the v-trace target of the next state (V(x_T) after the last step), not the raw critic value.',
      diagnostic: 'mismatch',
    },
    {
      id: 'ratio-inverted',
      title: 'importance ratio inverted (μ / π)',
      explanation: 'The ratio re-weights behaviour samples towards the target policy: π(a|x) / μ(a|x) = exp(targetLogProbs − behaviorLogProbs).',
      diagnostic: 'mismatch',
    },
    {
      id: 'dones-ignored',
      title: 'episode ends ignored',
      explanation: 'After done_t = 1 the next state belongs to a new episode: the discount γ_t = γ(1 − done_t) must cut the bootstrap, the propagated correction and the policy-gradient target alike.',
      diagnostic: 'mismatch',
    },
    {
      id: 'returns-correction-only',
      title: 'vs returned as the correction v_s − V(x_s)',
      explanation: 'The backward recursion computes the correction v_s − V(x_s); the target the critic regresses onto is v_s = V(x_s) + correction.',
      diagnostic: 'mismatch',
    },
    {
      id: 'pg-weight-uses-c',
      title: 'policy-gradient weight truncated at c̄ instead of ρ̄',
      explanation: 'The advantage is weighted by ρ_t = min(ρ̄, π/μ), the same truncation as in δ_t. c̄ only enters the trace coefficients of the value recursion.',
      diagnostic: 'mismatch',
    },
    {
      id: 'td-error-not-weighted',
      title: 'TD error δ_t not weighted by ρ_t',
      explanation: 'V-trace’s TD error is δ_t = ρ_t(r_t + γ_t V(x_{t+1}) − V(x_t)). Without ρ_t the target is the on-policy n-step return of the behaviour policy, not an estimate for π.',
      diagnostic: 'mismatch',
    },
  ],
});
