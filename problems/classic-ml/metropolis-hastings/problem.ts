import { defineProblem, type CaseSpec } from '../../../src/judge/problem';
import { numberArg, shapeOf, tensorOf } from '../../../src/judge/contract';
import { compareValues, type Plain } from '../../../src/judge/compare';
import { tensorSpec, type TensorSpec } from '../../../src/judge/inputs';
import type { Rng } from '../../../src/judge/rng';
import type { Diagnostic, Tolerance } from '../../../src/shared/protocol';
import { metropolisHastings } from './reference';

/** Chains with at least this many returned samples are also judged on their mean and variance. */
const STAT_MIN_SAMPLES = 1000;
/** |sample mean − target mean| ≤ MEAN_TOL·σ and |sample var / target var − 1| ≤ VAR_TOL. */
const MEAN_TOL = 0.25;
const VAR_TOL = 0.3;

/**
 * The smallest |log u − (log p̃(x′) − log p̃(x))| over the chain's steps (float64): how close an
 * accept/reject decision comes to flipping. A float32 implementation rounds the log-ratio by about
 * ulp(|log p̃|), so every decision must clear that by a margin for both arithmetics to agree.
 */
function decisionMargin(coeffs: number[], x0: number, std: number, noise: TensorSpec, uniforms: TensorSpec): number {
  const logp = (x: number) => coeffs.reduceRight((acc, c) => acc * x + c, 0);
  let x = x0;
  let lx = logp(x);
  let margin = Infinity;
  for (let t = 0; t < noise.data.length; t++) {
    const proposal = x + std * noise.data[t];
    const lp = logp(proposal);
    const gap = Math.log(uniforms.data[t]) - (lp - lx);
    margin = Math.min(margin, Math.abs(gap));
    if (gap < 0) {
      x = proposal;
      lx = lp;
    }
  }
  return margin;
}

function chain(rng: Rng, name: string, coeffs: number[], x0: number, std: number, steps: number, burnIn: number, pub = false, minMargin = 2e-5): CaseSpec {
  for (let attempt = 0; attempt < 50; attempt++) {
    const noise = rng.normal([steps]);
    const uniforms = rng.uniform([steps]);
    if (decisionMargin(coeffs, x0, std, noise, uniforms) > minMargin) return { name, public: pub, args: [coeffs, x0, std, noise, uniforms, burnIn] };
  }
  throw new Error(`metropolis-hastings: no draw of "${name}" whose decisions all clear ${minMargin}`);
}

function cases(rng: Rng): CaseSpec[] {
  return [
    chain(rng, 'example 1: N(2, 0.5²), 3000 steps (judged statistically too)', [0, 8, -2], 0, 0.8, 3000, 200, true),
    {
      name: 'example 2: standard normal, 4 steps',
      public: true,
      args: [[0, 0, -0.5], 0, 1, tensorSpec([1, 0.5, -2, 0.3], [4]), tensorSpec([0.9, 0.1, 0.5, 0.7], [4]), 1],
    },
    chain(rng, 'hidden: standard normal', [0, 0, -0.5], 0, 1.5, 4000, 200),
    chain(rng, 'hidden: double well −x⁴/4 + x²', [0, 0, 1, 0, -0.25], 0, 1.2, 5000, 300),
    chain(rng, 'hidden: skewed quartic', [0, 0, 0, 0.5, -0.25], 0, 1, 5000, 300),
    chain(rng, 'hidden: wide target (σ = 5)', [0, 0, -0.02], 3, 4, 4000, 200),
    chain(rng, 'hidden: narrow target (σ = 0.1)', [0, -20, -50], -0.2, 0.12, 4000, 200),
    chain(rng, 'hidden: start far away, long burn-in', [0, 0, -0.5], 25, 1, 4000, 1000),
    chain(rng, 'hidden: quartic −x⁴', [0, 0, 0, 0, -1], 0, 0.7, 4000, 200),
    chain(rng, 'hidden: no burn-in, short chain', [0, 1, -0.5], 0, 0.5, 40, 0),
    chain(rng, 'hidden: one returned sample', [0, 0, -0.5], 1, 1, 10, 9),
    chain(rng, 'hidden: huge proposals (mostly rejected), short chain', [0, 0, -0.5], 0.5, 20, 60, 5),
    // exp(log p̃) underflows to 0 even in float64 (e^−1000): only the log-space test works. Short, so
    // that float32 rounding of log p̃ ≈ −1000 (ulp 6e-5) never flips a decision (asserted margin).
    chain(rng, 'hidden: log-density around −1000 (exp underflows)', [-1000, 3, -0.5], 0, 1.2, 300, 20, false, 3e-4),
  ];
}

/** Mean and variance of the normalised density exp(Σ c_j x^j), by quadrature on a fine grid. */
function targetMoments(coeffs: number[]): { mean: number; variance: number } {
  const logp = (x: number) => coeffs.reduceRight((acc, c) => acc * x + c, 0);
  const lo = -60;
  const hi = 60;
  const n = 120001;
  const h = (hi - lo) / (n - 1);
  let max = -Infinity;
  for (let i = 0; i < n; i++) max = Math.max(max, logp(lo + i * h));
  let z = 0;
  let m1 = 0;
  let m2 = 0;
  for (let i = 0; i < n; i++) {
    const x = lo + i * h;
    const w = Math.exp(logp(x) - max);
    z += w;
    m1 += w * x;
    m2 += w * x * x;
  }
  const mean = m1 / z;
  return { mean, variance: m2 / z - mean * mean };
}

function compare(expected: Plain, got: Plain, tolerance: Tolerance, spec: CaseSpec): Diagnostic | undefined {
  if (got.kind !== 'tensor' || expected.kind !== 'tensor' || got.shape.length !== 1 || got.shape[0] !== expected.shape[0]) {
    return compareValues(expected, got, tolerance);
  }
  const samples = Array.from(got.data, Number);
  if (samples.length >= STAT_MIN_SAMPLES && samples.every(Number.isFinite)) {
    const { mean, variance } = targetMoments(spec.args[0] as number[]);
    const m = samples.reduce((s, v) => s + v, 0) / samples.length;
    const v = samples.reduce((s, x) => s + (x - m) ** 2, 0) / samples.length;
    const sigma = Math.sqrt(variance);
    if (Math.abs(m - mean) > MEAN_TOL * sigma || Math.abs(v / variance - 1) > VAR_TOL) {
      return {
        kind: 'property',
        message:
          `Your chain does not sample the target: sample mean ${m.toFixed(4)} and variance ${v.toFixed(4)}, target mean ${mean.toFixed(4)} and variance ${variance.toFixed(4)} ` +
          `(allowed: mean within ${MEAN_TOL}σ = ${(MEAN_TOL * sigma).toFixed(4)}, variance within ${100 * VAR_TOL}%).`,
      };
    }
  }
  return compareValues(expected, got, tolerance);
}

export default defineProblem({
  id: 'classic-ml/metropolis-hastings',
  entry: 'metropolisHastings',
  argNames: ['coeffs', 'x0', 'proposalStd', 'noise', 'uniforms', 'burnIn'],
  reference: metropolisHastings,
  // [T − burnIn] float32, T = noise's length.
  output: tensorOf('float32', (args) => [shapeOf(args, 3)[0] - numberArg(args, 5)]),
  cases,
  compare,
  mistakes: [
    {
      id: 'accept-test-without-log',
      title: 'accept test compares u with the log-ratio',
      explanation: 'Accept when u < p̃(x′)/p̃(x), i.e. log u < log p̃(x′) − log p̃(x). Comparing u with the log-ratio itself almost never moves downhill, so the chain collapses onto the mode.',
      diagnostic: 'property',
    },
    {
      id: 'ratio-inverted',
      title: 'acceptance ratio upside down',
      explanation: 'The ratio is target at the proposal over target at the current state, p̃(x′)/p̃(x). Inverting it favours low-density moves and the chain drifts away from the target.',
      diagnostic: 'property',
    },
    {
      id: 'proposal-ignores-current-state',
      title: 'proposal drawn around 0 instead of the current state',
      explanation: 'A random-walk proposal is x′ = x + σ·noise. Proposing σ·noise alone is an independence sampler with the wrong (unaccounted) proposal density.',
      diagnostic: 'property',
    },
    {
      id: 'rejections-skipped',
      title: 'rejected steps not recorded (current state not repeated)',
      explanation: 'Every step yields a sample: on rejection the chain stays at x and x is recorded again. Dropping rejections biases the distribution and shortens the output.',
      diagnostic: 'shape',
    },
    {
      id: 'burn-in-ignored',
      title: 'burn-in samples returned',
      explanation: 'Discard the first burnIn states: return the states after steps burnIn … steps − 1 (length steps − burnIn).',
      diagnostic: 'shape',
    },
    {
      id: 'sample-before-step',
      title: 'sample recorded before the step instead of after it',
      explanation: 'The sample of step t is the state after that step\'s accept/reject decision. Pushing x before the decision shifts the chain by one step: the returned states are those after steps burnIn − 1 … T − 2.',
      diagnostic: 'mismatch',
    },
    {
      id: 'accept-test-reversed',
      title: 'accept test reversed (accepts when u > ratio)',
      explanation: 'Accept when u < p̃(x′)/p̃(x): an uphill move (ratio ≥ 1) is always accepted. With ">" uphill moves are always rejected and the chain runs away from the mode.',
      diagnostic: 'property',
    },
    {
      id: 'stale-current-logp',
      title: 'log p̃(x) of the current state not updated after an accepted move',
      explanation: 'Caching log p̃(x) is fine, but it must be replaced by log p̃(x′) whenever x′ is accepted; otherwise every later ratio compares against the starting state.',
      diagnostic: 'property',
    },
    {
      id: 'density-ratio-underflow',
      title: 'ratio of densities exp(log p̃(x′)) / exp(log p̃(x)), which underflows',
      explanation: 'With a log-density around −1000, e^(log p̃) is 0 even in float64 and the ratio is 0/0 = NaN, so nothing is ever accepted. Compare in log space: log u < log p̃(x′) − log p̃(x).',
      diagnostic: 'mismatch',
    },
    {
      id: 'coeffs-highest-degree-first',
      title: 'coefficients read highest degree first (polyval order)',
      explanation: 'coeffs[j] multiplies x^j, so coeffs[0] is the constant term. Horner\'s rule must start from the last coefficient (reduceRight), not the first.',
      diagnostic: 'property',
    },
    {
      id: 'records-proposal',
      title: 'the proposal is recorded even when it is rejected',
      explanation: 'Each sample is the state after the step: on rejection the chain stays at x, and x (not the rejected x′) is recorded again.',
      diagnostic: 'property',
    },
    {
      id: 'burn-in-off-by-one',
      title: 'one sample too many dropped as burn-in',
      explanation: 'Drop exactly the first burnIn samples: keep step t when t >= burnIn, which returns T − burnIn samples.',
      diagnostic: 'shape',
    },
    {
      id: 'std-used-as-variance',
      title: 'proposal step scaled by √σ (σ treated as a variance)',
      explanation: 'proposalStd is already the standard deviation: x′ = x + σ·noise[t], with no square root.',
      diagnostic: 'mismatch',
    },
  ],
});
