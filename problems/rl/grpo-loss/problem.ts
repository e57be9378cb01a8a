import { defineProblem, type CaseSpec } from '../../../src/judge/problem';
import { objectOf, scalarTensor, shapeOf, tensorOf } from '../../../src/judge/contract';
import { tensorSpec, type TensorSpec } from '../../../src/judge/inputs';
import type { Rng } from '../../../src/judge/rng';
import { grpoLoss } from './reference';

type Norm = 'sequence' | 'token';

interface Opts {
  /** Std of (new − old) log-probs on response tokens. */
  drift?: number;
  /** Std of (ref − new). */
  refDrift?: number;
  /** 'binary' verifier rewards, 'normal' scores, or given values. */
  rewards?: 'binary' | 'normal' | number[];
  rewardScale?: number;
  /** Response lengths; random in [1, T] when absent. */
  lengths?: number[];
  /** Fraction of response tokens where new = old exactly (ratio 1). */
  pSame?: number;
  clipEps?: number;
  beta?: number;
  eps?: number;
}

/** A GRPO batch: nGroups groups of G responses, right-padded to T with log-probs in [−10, 0] at the padding. */
function batch(rng: Rng, name: string, nGroups: number, G: number, T: number, normalization: Norm, o: Opts = {}): CaseSpec {
  const { drift = 0.2, refDrift = 0.15, rewards = 'normal', rewardScale = 1, pSame = 0, clipEps = 0.2, beta = 0.04, eps = 1e-6 } = o;
  const N = nGroups * G;
  const lengths = o.lengths ?? Array.from({ length: N }, () => rng.int(1, T));
  if (lengths.length !== N || lengths.some((n) => n < 1 || n > T)) throw new Error(`${name}: bad lengths`);
  const next: number[] = [];
  const old: number[] = [];
  const ref: number[] = [];
  const mask: number[] = [];
  for (let i = 0; i < N; i++) {
    for (let t = 0; t < T; t++) {
      if (t >= lengths[i]) {
        next.push(-10 * rng.next());
        old.push(-10 * rng.next());
        ref.push(-10 * rng.next());
        mask.push(0);
        continue;
      }
      const lp = -(0.01 + 5 * rng.next());
      const same = rng.next() < pSame;
      const nw = same ? lp : lp + drift * rng.gaussian();
      old.push(lp);
      next.push(nw);
      ref.push(nw + refDrift * rng.gaussian());
      mask.push(1);
    }
  }
  const r = Array.isArray(rewards)
    ? rewards
    : Array.from({ length: N }, () => (rewards === 'binary' ? (rng.next() < 0.5 ? 1 : 0) : rewardScale * rng.gaussian()));
  return {
    name,
    public: false,
    args: [tensorSpec(next, [N, T]), tensorSpec(old, [N, T]), tensorSpec(ref, [N, T]), tensorSpec(r, [N]), tensorSpec(mask, [N, T]), G, clipEps, beta, eps, normalization],
  };
}

function assert(ok: boolean, message: string): void {
  if (!ok) throw new Error(`grpo-loss: ${message}`);
}

function cases(rng: Rng): CaseSpec[] {
  const list: CaseSpec[] = [
    {
      name: "example 1: one group of 2, 'sequence'",
      public: true,
      args: [
        tensorSpec([-1, -0.5, -2, -0.3, -1.2, -0.8], [2, 3]),
        tensorSpec([-1.3, -0.5, -1.9, -0.2, -1, -0.8], [2, 3]),
        tensorSpec([-1.1, -0.6, -2, -0.4, -1.2, -0.9], [2, 3]),
        tensorSpec([1, 0], [2]),
        tensorSpec([1, 1, 1, 1, 1, 0], [2, 3]),
        2, 0.2, 0.1, 1e-6, 'sequence',
      ],
    },
    {
      name: "example 2: two groups of 3, one all equal, 'token'",
      public: true,
      args: [
        tensorSpec([-0.5, -1, -2, -0.7, -0.9, -0.3, -1, -1.5, -0.6, -0.8, -0.4, -2.2], [6, 2]),
        tensorSpec([-0.7, -1, -1.6, -0.7, -1.2, -0.3, -0.8, -1.4, -0.6, -0.9, -0.4, -2], [6, 2]),
        tensorSpec([-0.6, -1.1, -1.8, -0.8, -0.9, -0.5, -1, -1.5, -0.7, -0.8, -0.5, -2.2], [6, 2]),
        tensorSpec([1, 0, 0, 0.5, 0.5, 0.5], [6]),
        tensorSpec([1, 1, 1, 0, 1, 1, 1, 1, 1, 0, 1, 1], [6, 2]),
        3, 0.2, 0.05, 1e-4, 'token',
      ],
    },
    batch(rng, "hidden: 4 groups of 4, binary rewards, ragged lengths, 'sequence'", 4, 4, 12, 'sequence', { rewards: 'binary', drift: 0.3 }),
    batch(rng, "hidden: 4 groups of 4, binary rewards, ragged lengths, 'token'", 4, 4, 12, 'token', { rewards: 'binary', drift: 0.3 }),
    batch(rng, "hidden: 3 groups of 5, scored rewards, 'sequence'", 3, 5, 9, 'sequence', { beta: 0.1 }),
    batch(rng, "hidden: group size 1 (every advantage 0, only the KL remains), 'token'", 5, 1, 6, 'token', { beta: 0.2 }),
    batch(rng, "hidden: group size 2, 'sequence'", 4, 2, 7, 'sequence', { drift: 0.4 }),
    batch(rng, "hidden: every group all right or all wrong (σ = 0), 'token'", 3, 4, 5, 'token', { rewards: [1, 1, 1, 1, 0, 0, 0, 0, 1, 1, 1, 1], beta: 0.1 }),
    batch(rng, "hidden: β = 0 (no KL term), 'sequence'", 2, 4, 8, 'sequence', { beta: 0, drift: 0.4 }),
    batch(rng, "hidden: ε = 0, some tokens unchanged (ratio exactly 1 is not clipped), 'token'", 2, 4, 8, 'token', { clipEps: 0, pSame: 0.4 }),
    batch(rng, "hidden: first step, new = old everywhere (ratio 1, clip fraction 0), 'sequence'", 2, 3, 6, 'sequence', { pSame: 1 }),
    batch(rng, "hidden: large updates, most tokens clipped, 'token'", 2, 4, 10, 'token', { drift: 1, clipEps: 0.1 }),
    batch(rng, "hidden: rewards of scale 1000, 'sequence'", 2, 4, 6, 'sequence', { rewardScale: 1000, eps: 1e-4 }),
    batch(rng, "hidden: large eps (0.1) next to binary-reward stds, 'token'", 3, 4, 6, 'token', { rewards: [1, 0, 0, 0, 1, 1, 0, 1, 0, 0, 0, 0], eps: 0.1 }),
    batch(rng, "hidden: policy far from the reference (|log π_ref − log π| ≈ 1.5), β = 0.5, 'sequence'", 2, 4, 8, 'sequence', { refDrift: 1.5, beta: 0.5 }),
    batch(rng, "hidden: policy far from the reference, β = 0.3, 'token'", 3, 3, 6, 'token', { refDrift: 1.2, beta: 0.3 }),
    batch(rng, "hidden: 8 groups of 8, long responses, 'token'", 8, 8, 32, 'token', { rewards: 'binary', drift: 0.25 }),
    batch(rng, "hidden: 8 groups of 8, long responses, 'sequence'", 8, 8, 32, 'sequence', { drift: 0.25, beta: 0.02 }),
  ];
  {
    // Rare tokens: log-probs around −120 on response tokens, where e^{log π} underflows to 0 in
    // float32, so a ratio of probabilities is 0/0.
    const spec = batch(rng, "hidden: rare tokens with log-probs around −120 (ratio from the log difference), 'token'", 2, 3, 6, 'token', { lengths: [6, 6, 4, 6, 5, 6] });
    const [next, old, ref] = spec.args as TensorSpec[];
    for (const k of [1, 8, 20, 33]) {
      old.data[k] = -120 - 5 * rng.next();
      next.data[k] = old.data[k] + 0.3 * rng.gaussian();
      ref.data[k] = next.data[k] + 0.1 * rng.gaussian();
    }
    const mask = spec.args[4] as TensorSpec;
    const underflow = (x: number) => Math.fround(Math.exp(x)) === 0;
    assert([1, 8, 20, 33].every((k) => mask.data[k] === 1 && underflow(next.data[k]) && underflow(old.data[k])), 'rare tokens must be response tokens whose probabilities underflow');
    list.push(spec);
  }
  for (let i = 0; i < 3; i++) {
    const G = rng.int(1, 6);
    list.push(batch(rng, `hidden: random ${i + 1}`, rng.int(1, 4), G, rng.int(1, 12), rng.pick(['sequence', 'token'] as const), {
      rewards: rng.pick(['binary', 'normal'] as const),
      drift: 0.1 + 0.4 * rng.next(),
      clipEps: rng.pick([0.1, 0.2, 0.28]),
      beta: rng.pick([0, 0.01, 0.04, 0.1]),
    }));
  }
  return list;
}

export default defineProblem({
  id: 'rl/grpo-loss',
  entry: 'grpoLoss',
  argNames: ['logProbs', 'oldLogProbs', 'refLogProbs', 'rewards', 'responseMask', 'groupSize', 'clipEps', 'beta', 'eps', 'normalization'],
  reference: grpoLoss,
  output: objectOf({
    loss: scalarTensor(),
    clipFraction: scalarTensor(),
    advantages: tensorOf('float32', (args) => shapeOf(args, 3)),
  }),
  cases,
  mistakes: [
    {
      id: 'advantages-over-batch',
      title: 'advantages normalised over the whole batch instead of within each group',
      explanation:
        'GRPO compares each response with the other responses to the same prompt: take the mean and std over each group of groupSize rows (reshape to [N / G, G]), not over all N rewards.',
      diagnostic: 'mismatch',
    },
    {
      id: 'advantages-no-eps',
      title: 'no eps in the advantage denominator: an all-equal group gives 0 / 0',
      explanation: 'When every response of a group gets the same reward, σ = 0: divide by σ + eps so those advantages are exactly 0, not NaN.',
      diagnostic: 'non-finite',
    },
    {
      id: 'advantages-sample-std',
      title: 'sample std (divide by G − 1) instead of the population std',
      explanation: 'The statement uses the population standard deviation: sqrt(mean((r − μ)²)) over the G rewards of the group.',
      diagnostic: 'mismatch',
    },
    {
      id: 'ratio-vs-reference',
      title: 'importance ratio taken against the reference model',
      explanation:
        'The ratio corrects for sampling from the rollout policy: ρ = exp(logProbs − oldLogProbs). The reference model only enters through the KL term.',
      diagnostic: 'mismatch',
    },
    {
      id: 'no-min',
      title: 'clipped term only, without the min',
      explanation:
        'The surrogate is min(ρ·A, clip(ρ)·A). Dropping the min lets a token whose ratio moved against its advantage escape the pessimistic bound (and removes its gradient inside the clip range edges).',
      diagnostic: 'mismatch',
    },
    {
      id: 'max-instead-of-min',
      title: 'max instead of min of the two surrogate terms',
      explanation: 'PPO takes the pessimistic (smaller) of the clipped and unclipped terms: tf.minimum, not tf.maximum.',
      diagnostic: 'mismatch',
    },
    {
      id: 'kl-sign-flipped',
      title: 'KL penalty added to the objective',
      explanation: 'The objective is surrogate − β·KL (so the loss is −surrogate + β·KL). Adding it rewards the policy for drifting away from the reference.',
      diagnostic: 'mismatch',
    },
    {
      id: 'k3-wrong-direction',
      title: 'k3 computed with d = log π − log π_ref',
      explanation:
        'k3 estimates KL(π_θ ‖ π_ref) from samples of π_θ with d = log π_ref − log π_θ: e^d − d − 1. With the difference reversed it estimates a different quantity.',
      diagnostic: 'mismatch',
    },
    {
      id: 'mask-ignored',
      title: 'padding positions counted as response tokens',
      explanation: 'Zero the per-token objective where responseMask = 0 and divide by the number of response tokens (per row for \'sequence\', in total for \'token\'), never by T.',
      diagnostic: 'mismatch',
    },
    {
      id: 'ignores-normalization-token',
      title: 'normalization ignored: always the per-token mean',
      explanation: "With normalization = 'sequence', average the objective within each response first (divide by its length), then average over the N responses.",
      diagnostic: 'mismatch',
    },
    {
      id: 'ignores-normalization-sequence',
      title: 'normalization ignored: always the mean of per-sequence means',
      explanation: "With normalization = 'token', sum the masked objective over the whole batch and divide by the total number of response tokens.",
      diagnostic: 'mismatch',
    },
    {
      id: 'sequence-divides-by-T',
      title: "'sequence' divides each row by T instead of its response length",
      explanation: 'Each response is averaged over its own tokens: divide the row sum by Σ_t mask[i, t], not by the padded length T.',
      diagnostic: 'mismatch',
    },
    {
      id: 'loss-not-negated',
      title: 'objective returned as the loss (missing minus)',
      explanation: 'The optimiser minimises the loss while GRPO maximises the clipped objective: return its negation.',
      diagnostic: 'mismatch',
    },
    {
      id: 'ratio-from-probs',
      title: 'ratio as exp(logProbs) / exp(oldLogProbs)',
      explanation: 'For rare tokens both probabilities underflow to 0 in float32 and the ratio is 0/0 = NaN. Compute exp(logProbs − oldLogProbs).',
      diagnostic: 'non-finite',
    },
    {
      id: 'clip-fraction-abs',
      title: 'clip fraction counts every ratio outside [1 − ε, 1 + ε]',
      explanation:
        'The clip binds only when the ratio left the range in the direction the advantage pushes it (ρ > 1 + ε with A > 0, or ρ < 1 − ε with A < 0); otherwise the unclipped term is the minimum and still has a gradient.',
      diagnostic: 'mismatch',
    },
    {
      id: 'clip-fraction-unmasked',
      title: 'clip fraction over every position, padding included',
      explanation: 'The clip fraction is over response tokens: mask the indicator and divide by Σ mask.',
      diagnostic: 'mismatch',
    },
  ],
});
