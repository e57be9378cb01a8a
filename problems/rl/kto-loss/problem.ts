import { defineProblem, type CaseSpec } from '../../../src/judge/problem';
import { objectOf, scalarTensor, shapeOf, tensorOf } from '../../../src/judge/contract';
import { tensorSpec, type TensorSpec } from '../../../src/judge/inputs';
import type { Rng } from '../../../src/judge/rng';
import { ktoLoss } from './reference';

interface Opts {
  beta?: number;
  wD?: number;
  wU?: number;
  /** Probability that an example is desirable. */
  pGood?: number;
  /** Std of the labelled log-ratios r. */
  drift?: number;
  /** Mean and std of the mismatched log-ratios (sets the sign of the KL estimate). */
  klMean?: number;
  klStd?: number;
  /** Labels as float32 0/1 instead of bool. */
  floatLabels?: boolean;
}

function batch(rng: Rng, name: string, B: number, o: Opts = {}): CaseSpec {
  const { beta = 0.1, wD = 1, wU = 1, pGood = 0.5, drift = 3, klMean = 0.5, klStd = 1, floatLabels = false } = o;
  const ref = Array.from({ length: B }, () => -(10 + 190 * rng.next()));
  const policy = ref.map((r) => r + drift * rng.gaussian());
  const refKl = Array.from({ length: B }, () => -(20 + 280 * rng.next()));
  const policyKl = refKl.map((r) => r + klMean + klStd * rng.gaussian());
  const labels = Array.from({ length: B }, () => (rng.next() < pGood ? 1 : 0));
  return {
    name,
    public: false,
    args: [tensorSpec(policy, [B]), tensorSpec(ref, [B]), tensorSpec(labels, [B], floatLabels ? 'float32' : 'bool'), tensorSpec(policyKl, [B]), tensorSpec(refKl, [B]), beta, wD, wU],
  };
}

/** The float32 mean of the mismatched log-ratios (what the user's tensors average). */
function klMean(spec: CaseSpec): number {
  const [, , , pk, rk] = spec.args as TensorSpec[];
  return Array.from(pk.data, (x, i) => Math.fround(x - rk.data[i])).reduce((a, b) => a + b, 0) / pk.data.length;
}

function check(spec: CaseSpec, ok: (spec: CaseSpec) => boolean, message: string): CaseSpec {
  if (!ok(spec)) throw new Error(`kto-loss: ${spec.name}: ${message}`);
  return spec;
}

/** Shifts the mismatched log-ratios so that their mean is `mean` (keeping their spread). */
function centre(spec: CaseSpec, mean: number): CaseSpec {
  const [, , , pk, rk] = spec.args as TensorSpec[];
  const d = Array.from(pk.data, (x, i) => x - rk.data[i]);
  const shift = mean - d.reduce((a, b) => a + b, 0) / d.length;
  for (let i = 0; i < d.length; i++) pk.data[i] = rk.data[i] + d[i] + shift;
  return spec;
}

const diffs = (spec: CaseSpec) => {
  const [, , , pk, rk] = spec.args as TensorSpec[];
  return Array.from(pk.data, (x, i) => x - rk.data[i]);
};

function cases(rng: Rng): CaseSpec[] {
  return [
    {
      name: 'example 1: four examples, β = 0.1, λ_U = 1.5',
      public: true,
      args: [
        tensorSpec([-10, -20, -15, -8], [4]),
        tensorSpec([-12, -19, -15.5, -9], [4]),
        tensorSpec([1, 0, 1, 0], [4], 'bool'),
        tensorSpec([-30, -25, -18, -40], [4]),
        tensorSpec([-31, -25.4, -18.2, -40.2], [4]),
        0.1, 1, 1.5,
      ],
    },
    {
      name: 'example 2: negative KL estimate, clamped to 0',
      public: true,
      args: [
        tensorSpec([-4, -7, -6], [3]),
        tensorSpec([-6, -6, -6], [3]),
        tensorSpec([1, 1, 0], [3], 'bool'),
        tensorSpec([-10, -12, -9], [3]),
        tensorSpec([-9, -12, -8.5], [3]),
        0.5, 1, 1,
      ],
    },
    batch(rng, 'hidden: 16 examples, β = 0.1', 16, { klMean: 1 }),
    batch(rng, 'hidden: batch 1, desirable', 1, { pGood: 1, klMean: 2, klStd: 0.5 }),
    batch(rng, 'hidden: batch 1, undesirable', 1, { pGood: 0, klMean: 2, klStd: 0.5 }),
    batch(rng, 'hidden: all desirable, λ_D = 1.33', 8, { pGood: 1, wD: 1.33, klMean: 1 }),
    batch(rng, 'hidden: all undesirable, λ_U = 2', 8, { pGood: 0, wU: 2, klMean: 1 }),
    batch(rng, 'hidden: unequal weights (λ_D = 0.7, λ_U = 1.6)', 20, { wD: 0.7, wU: 1.6, beta: 0.2 }),
    batch(rng, 'hidden: labels as float32 0/1', 12, { floatLabels: true, wU: 1.25, klMean: 1 }),
    check(batch(rng, 'hidden: negative KL estimate (clamped to 0)', 10, { klMean: -2, klStd: 0.5, wU: 1.2 }), (s) => klMean(s) < 0, 'the mean mismatched log-ratio must be negative'),
    check(
      centre(batch(rng, 'hidden: mismatched log-ratios of both signs, positive mean', 12, { klStd: 3, beta: 0.3 }), 0.6),
      (s) => klMean(s) > 0 && diffs(s).some((d) => d < -0.5),
      'needs a positive mean with some clearly negative terms',
    ),
    batch(rng, 'hidden: large log-ratios, β = 1 (sigmoids saturate)', 10, { drift: 60, beta: 1, klMean: 5, klStd: 5 }),
    batch(rng, 'hidden: 256 examples, small β = 0.01', 256, { beta: 0.01, drift: 10, klMean: 3, klStd: 4, wU: 1.1 }),
    ...[1, 2, 3].map((i) =>
      batch(rng, `hidden: random ${i}`, rng.int(1, 40), {
        beta: rng.pick([0.05, 0.1, 0.5]),
        wD: rng.pick([1, 1.2]),
        wU: rng.pick([1, 1.5]),
        klMean: 2 * rng.next() - 0.5,
        pGood: rng.next(),
      }),
    ),
  ];
}

export default defineProblem({
  id: 'rl/kto-loss',
  entry: 'ktoLoss',
  argNames: ['policyLogps', 'refLogps', 'desirable', 'policyKlLogps', 'refKlLogps', 'beta', 'desirableWeight', 'undesirableWeight'],
  reference: ktoLoss,
  output: objectOf({ loss: scalarTensor(), kl: scalarTensor(), losses: tensorOf('float32', (args) => shapeOf(args, 0)) }),
  cases,
  mistakes: [
    {
      id: 'kl-not-clamped',
      title: 'reference point not clamped at 0',
      explanation: 'A KL divergence is never negative, but its batch estimate can be: z0 = max(0, mean(policyKlLogps − refKlLogps)).',
      diagnostic: 'mismatch',
    },
    {
      id: 'kl-clamped-per-example',
      title: 'each mismatched log-ratio clamped before averaging',
      explanation: 'Single-sample log-ratios are often negative while the KL they estimate is not; average them first, then clamp the mean: max(0, mean(·)), not mean(max(0, ·)).',
      diagnostic: 'mismatch',
    },
    {
      id: 'kl-from-matched',
      title: 'reference point estimated from the labelled completions',
      explanation: 'z0 comes from mismatched completions (policyKlLogps, refKlLogps), which measure how far the policy drifted in general. The labelled log-ratios are what is compared against it.',
      diagnostic: 'mismatch',
    },
    {
      id: 'kl-ignored',
      title: 'reference point left out of the losses',
      explanation: 'Each log-ratio is compared with z0: σ(β(r − z0)) for desirable and σ(β(z0 − r)) for undesirable completions.',
      diagnostic: 'mismatch',
    },
    {
      id: 'undesirable-same-sign',
      title: 'undesirable completions use σ(β(r − z0))',
      explanation: 'An undesirable completion should be pushed below the reference point: its loss is λ_U·(1 − σ(β(z0 − r))), the mirror image of the desirable one.',
      diagnostic: 'mismatch',
    },
    {
      id: 'weights-swapped',
      title: 'desirable and undesirable weights swapped',
      explanation: 'desirableWeight (λ_D) scales the losses of desirable examples, undesirableWeight (λ_U) those of undesirable ones.',
      diagnostic: 'mismatch',
    },
    {
      id: 'beta-outside-sigmoid',
      title: 'β multiplies the loss instead of the log-ratio inside the sigmoid',
      explanation: 'β is the temperature of the value function: σ(β(r − z0)). Outside the sigmoid it only rescales the loss.',
      diagnostic: 'mismatch',
    },
    {
      id: 'log-sigmoid-loss',
      title: 'DPO-style −log σ instead of 1 − σ',
      explanation: 'KTO\'s value function is the (saturating) sigmoid itself: the loss is λ·(1 − σ(·)), not −λ·log σ(·).',
      diagnostic: 'mismatch',
    },
    {
      id: 'weighted-mean',
      title: 'loss divided by the sum of the weights instead of B',
      explanation: 'The weights scale each example\'s loss; the batch loss is still the plain mean over the B examples.',
      diagnostic: 'mismatch',
    },
  ],
});
