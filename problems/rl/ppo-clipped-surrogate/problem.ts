import { defineProblem, type CaseSpec } from '../../../src/judge/problem';
import { objectOf, scalarTensor } from '../../../src/judge/contract';
import { tensorSpec, type TensorSpec } from '../../../src/judge/inputs';
import type { Rng } from '../../../src/judge/rng';
import { ppoLoss } from './reference';

interface Opts {
  /** Std of (new − old) log-probs: how far the policy moved since the rollout. */
  drift?: number;
  /** Std of (ref − old). */
  refDrift?: number;
  /** Old log-probs are −U(lo, hi). */
  lo?: number;
  hi?: number;
  /** Advantages: 'normal', all positive or all negative. */
  sign?: 'any' | 'pos' | 'neg';
  advScale?: number;
}

function rollout(rng: Rng, shape: number[], o: Opts = {}): TensorSpec[] {
  const n = shape.reduce((a, b) => a * b, 1);
  const { drift = 0.15, refDrift = 0.2, lo = 0.01, hi = 6, sign = 'any', advScale = 1 } = o;
  const old: number[] = [];
  const next: number[] = [];
  const ref: number[] = [];
  const adv: number[] = [];
  for (let i = 0; i < n; i++) {
    const lp = -(lo + (hi - lo) * rng.next());
    old.push(lp);
    next.push(lp + drift * rng.gaussian());
    ref.push(lp + refDrift * rng.gaussian());
    const a = rng.gaussian() * advScale;
    adv.push(sign === 'pos' ? Math.abs(a) : sign === 'neg' ? -Math.abs(a) : a);
  }
  return [tensorSpec(next, shape), tensorSpec(old, shape), tensorSpec(adv, shape), tensorSpec(ref, shape)];
}

function hidden(rng: Rng, name: string, shape: number[], clipEps: number, klCoef: number, o?: Opts): CaseSpec {
  return { name, public: false, args: [...rollout(rng, shape, o), clipEps, klCoef] };
}

/** Checks the rare-token case: some token has exp(new) and exp(old) both 0 in float32, so exp(new) / exp(old) is 0/0. */
function rareTokens(spec: CaseSpec): CaseSpec {
  const [next, old] = spec.args as TensorSpec[];
  const underflows = (x: number) => Math.fround(Math.exp(x)) === 0;
  if (!Array.from(next.data).some((x, i) => underflows(x) && underflows(old.data[i]))) throw new Error('ppo: the rare-token case needs a token whose probabilities underflow in float32');
  return spec;
}

function cases(rng: Rng): CaseSpec[] {
  const list: CaseSpec[] = [
    {
      name: 'example 1: four tokens, ε = 0.2, β = 0.1',
      public: true,
      args: [
        tensorSpec([-0.7, -2.5, -0.45, -3.1], [4]),
        tensorSpec([-1, -2, -0.5, -3], [4]),
        tensorSpec([1, -1, 2, -0.5], [4]),
        tensorSpec([-1.1, -2.2, -0.4, -3], [4]),
        0.2,
        0.1,
      ],
    },
    {
      name: 'example 2: [2, 3], ε = 0.1, β = 0.5',
      public: true,
      args: [
        tensorSpec([-0.2, -1.6, -0.9, -2.2, -0.3, -1], [2, 3]),
        tensorSpec([-0.5, -1.5, -1, -2, -0.3, -1.4], [2, 3]),
        tensorSpec([0.5, 1.5, -2, -1, 0.3, -0.8], [2, 3]),
        tensorSpec([-0.5, -1.2, -1.1, -2.5, -0.2, -1.2], [2, 3]),
        0.1,
        0.5,
      ],
    },
    hidden(rng, 'hidden: [4, 16] tokens, ε = 0.2, β = 0.05', [4, 16], 0.2, 0.05),
    hidden(rng, 'hidden: a single token [1, 1]', [1, 1], 0.2, 0.1, { drift: 0.5 }),
    hidden(rng, 'hidden: all advantages positive, large updates', [3, 10], 0.2, 0.1, { drift: 0.6, sign: 'pos' }),
    hidden(rng, 'hidden: all advantages negative, large updates', [3, 10], 0.2, 0.1, { drift: 0.6, sign: 'neg' }),
    hidden(rng, 'hidden: β = 0 (no KL penalty)', [2, 12], 0.2, 0, { drift: 0.3 }),
    hidden(rng, 'hidden: no update yet (new = old), ratio 1 everywhere', [2, 8], 0.2, 0.1, { drift: 0 }),
    hidden(rng, 'hidden: ε = 0.05, β = 1, policy far from the reference', [4, 8], 0.05, 1, { refDrift: 1 }),
    hidden(rng, 'hidden: 1-D [32], large advantages', [32], 0.3, 0.02, { advScale: 20, drift: 0.4 }),
    rareTokens(hidden(rng, 'hidden: rare tokens, log-probs around −110 (ratio must come from the log difference)', [2, 6], 0.2, 0.1, { lo: 104, hi: 125, drift: 0.3 })),
    hidden(rng, 'hidden: [8, 64] tokens', [8, 64], 0.2, 0.04, { drift: 0.25 }),
  ];
  {
    // ε = 0: every token whose ratio moved at all is clipped; tokens with new = old exactly have
    // r = exp(0) = 1 and |r − 1| = 0, which is not > 0 — the strict comparison decides them.
    const [next, old, adv, ref] = rollout(rng, [3, 8], { drift: 0.3 });
    const n = next.data.length;
    for (let i = 0; i < n; i += 2) next.data[i] = old.data[i];
    for (let i = 1; i < n; i += 2) {
      if (!(Math.abs(next.data[i] - old.data[i]) > 1e-3)) next.data[i] = old.data[i] + 0.25;
    }
    list.push({ name: 'hidden: ε = 0, half the tokens unchanged (|r − 1| = 0 is not clipped)', public: false, args: [next, old, adv, ref, 0, 0.1] });
  }
  for (let i = 0; i < 3; i++) {
    const shape = [rng.int(1, 6), rng.int(1, 20)];
    list.push(hidden(rng, `hidden: random ${i + 1}`, shape, rng.pick([0.1, 0.2, 0.3]), rng.pick([0.01, 0.1, 0.3]), { drift: 0.05 + 0.5 * rng.next() }));
  }
  return list;
}

export default defineProblem({
  id: 'rl/ppo-clipped-surrogate',
  entry: 'ppoLoss',
  argNames: ['logProbsNew', 'logProbsOld', 'advantages', 'refLogProbs', 'clipEps', 'klCoef'],
  reference: ppoLoss,
  // Scalar tensors (shape []) { loss, clipFraction, approxKl } (no dtype stated; float32).
  output: objectOf({ loss: scalarTensor(), clipFraction: scalarTensor(), approxKl: scalarTensor() }),
  cases,
  mistakes: [
    {
      id: 'clip-only',
      title: 'only the clipped term: the min with the unclipped term is missing',
      explanation:
        'PPO takes min(r·A, clip(r)·A). With the clipped term alone, a ratio that moved the wrong way (r < 1 − ε with A > 0, or r > 1 + ε with A < 0) is clipped too, and the objective stops penalising it.',
      diagnostic: 'mismatch',
    },
    {
      id: 'max-instead-of-min',
      title: 'max of the two terms instead of the min',
      explanation: 'The clipped objective is a pessimistic (lower) bound: tf.minimum(r·A, clip(r, 1−ε, 1+ε)·A), then negate the mean for the loss.',
      diagnostic: 'mismatch',
    },
    {
      id: 'ratio-without-exp',
      title: 'the log-prob difference used as the ratio (no exp)',
      explanation: 'The importance ratio is π_new/π_old = exp(logProbsNew − logProbsOld); it is 1, not 0, when the policy has not changed.',
      diagnostic: 'mismatch',
    },
    {
      id: 'ratio-from-probs',
      title: 'ratio computed as exp(new) / exp(old)',
      explanation:
        'exp(log p) underflows to 0 in float32 for log-probs below about −103 (rare tokens), giving 0/0 = NaN. Subtract the log-probs first: exp(logProbsNew − logProbsOld).',
      diagnostic: 'non-finite',
    },
    {
      id: 'kl-subtracted',
      title: 'KL penalty subtracted from the loss',
      explanation: 'The penalty keeps the policy close to the reference, so the loss is policy loss + β·KL. Subtracting it rewards drifting away.',
      diagnostic: 'mismatch',
    },
    {
      id: 'kl-direction-swapped',
      title: 'k3 estimator with the log-ratio reversed',
      explanation:
        'k3 estimates KL(π_new ‖ π_ref) from tokens of the policy as exp(d) − d − 1 with d = refLogProbs − logProbsNew. Using new − ref gives a different (biased) quantity.',
      diagnostic: 'mismatch',
    },
    {
      id: 'kl-k1-estimator',
      title: 'KL estimated as mean(new − ref) (k1) instead of k3',
      explanation:
        'mean(log π_new − log π_ref) is the k1 estimator: unbiased on average but negative on many tokens, so as a per-batch penalty it can reward drifting. The statement asks for k3: exp(d) − d − 1 with d = ref − new, which is ≥ 0 per token.',
      diagnostic: 'mismatch',
    },
    {
      id: 'clip-advantages',
      title: 'advantages clipped instead of the ratio',
      explanation: 'Clip the probability ratio to [1 − ε, 1 + ε] and multiply by the raw advantage; the advantages are never clipped.',
      diagnostic: 'mismatch',
    },
    {
      id: 'clipfraction-ge-eps',
      title: 'clip fraction counts |r − 1| ≥ ε instead of > ε',
      explanation:
        'A token is clipped only when its ratio lies strictly outside [1 − ε, 1 + ε]. With ≥, tokens exactly on the boundary count, so at ε = 0 every unchanged token (r = 1) is counted as clipped.',
      diagnostic: 'mismatch',
    },
    {
      id: 'ratio-inverted',
      title: 'importance ratio inverted: exp(old − new)',
      explanation:
        'The ratio is π_new / π_old = exp(logProbsNew − logProbsOld). Subtracting the other way round gives its reciprocal, so the surrogate and the clip fraction are computed for the wrong ratio.',
      diagnostic: 'mismatch',
    },
    {
      id: 'surrogate-not-negated',
      title: 'clipped surrogate added to the loss instead of subtracted',
      explanation:
        'PPO maximizes the clipped surrogate, so the loss to minimize is its negative: −mean(min(r·A, clip(r)·A)) + β·KL. Adding the surrogate makes gradient descent push the objective down.',
      diagnostic: 'mismatch',
    },
    {
      id: 'clipfraction-upper-only',
      title: 'clip fraction counts only ratios above 1 + ε',
      explanation:
        'Clipping happens on both sides: a token counts when r > 1 + ε or r < 1 − ε, i.e. |r − 1| > ε. Testing only the upper bound misses the tokens whose probability dropped.',
      diagnostic: 'mismatch',
    },
    {
      id: 'kl-coef-missing',
      title: 'KL penalty added without its coefficient β',
      explanation:
        'The KL term enters the loss scaled by klCoef: loss = −surrogate + β·KL. Adding the raw KL over- or under-weights the penalty whenever β ≠ 1.',
      diagnostic: 'mismatch',
    },
    {
      id: 'kl-not-in-loss',
      title: 'KL penalty left out of the loss',
      explanation:
        'The loss is the negated clipped surrogate plus β times the KL estimate. Computing approxKl but returning only the policy term drops the penalty that keeps the policy near the reference.',
      diagnostic: 'mismatch',
    },
    {
      id: 'surrogate-summed',
      title: 'surrogate summed over tokens instead of averaged',
      explanation:
        'The policy term is the mean over all tokens of min(r·A, clip(r)·A); summing makes the loss scale with the number of tokens and outweighs the KL term.',
      diagnostic: 'mismatch',
    },
    {
      id: 'kl-against-old',
      title: 'KL estimated from the old log-probs instead of the new ones',
      explanation:
        'The penalty measures how far the current policy has moved from the reference: d = refLogProbs − logProbsNew. Using logProbsOld measures the rollout policy instead, which carries no gradient.',
      diagnostic: 'mismatch',
    },
    {
      id: 'advantage-outside-min',
      title: 'advantage factored out of the min: min(r, clip(r))·A',
      explanation:
        'The min must compare the two products r·A and clip(r)·A. Pulling A outside, min(r, clip(r))·A, is only the same when A ≥ 0; for a negative advantage it picks the optimistic term instead of the pessimistic one.',
      diagnostic: 'mismatch',
    },
    {
      id: 'kl-k2-estimator',
      title: 'KL estimated with k2 (½·d²) instead of k3',
      explanation:
        'The statement asks for the k3 estimator exp(d) − d − 1 with d = refLogProbs − logProbsNew. ½·d² (k2) agrees only to second order, so it differs once the policy moves away from the reference.',
      diagnostic: 'mismatch',
    },
  ],
});
