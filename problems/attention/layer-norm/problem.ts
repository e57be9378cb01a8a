import { defineProblem, type ArgSpec, type CaseSpec } from '../../../src/judge/problem';
import { shapeOf, tensorOf } from '../../../src/judge/contract';
import { tensorSpec, type TensorSpec } from '../../../src/judge/inputs';
import type { Rng } from '../../../src/judge/rng';
import { layerNorm } from './reference';

/** x with per-row means and scales that differ, so batch statistics differ from row statistics. */
function rows(rng: Rng, shape: number[], scale = 1, offset = 0): TensorSpec {
  const x = rng.normal(shape, scale);
  const d = shape[shape.length - 1];
  for (let r = 0; r < x.data.length / d; r++) {
    const shift = offset + rng.normal([1], scale).data[0];
    const stretch = 0.5 + rng.next() * 1.5;
    for (let j = 0; j < d; j++) x.data[r * d + j] = x.data[r * d + j] * stretch + shift;
  }
  return x;
}

function affine(rng: Rng, d: number): [TensorSpec, TensorSpec] {
  const gamma = rng.uniform([d], 0.5, 1.5);
  return [gamma, rng.normal([d], 0.5)];
}

function random(rng: Rng, shape: number[], eps = 1e-5, scale = 1, offset = 0): ArgSpec[] {
  return [rows(rng, shape, scale, offset), ...affine(rng, shape[shape.length - 1]), eps];
}

/** Asserts the promise of the large-mean cases: every row has |mean| within 1000 ± 5 and a spread (std) within 0.1–10. */
function largeMean(args: ArgSpec[]): ArgSpec[] {
  const x = args[0] as TensorSpec;
  const d = x.shape[x.shape.length - 1];
  for (let r = 0; r < x.data.length / d; r++) {
    const row = Array.from(x.data.slice(r * d, (r + 1) * d));
    const mean = row.reduce((a, b) => a + b, 0) / d;
    const std = Math.sqrt(row.reduce((a, b) => a + (b - mean) ** 2, 0) / d);
    if (!(Math.abs(Math.abs(mean) - 1000) < 5 && std > 0.1 && std < 10)) throw new Error(`case generator: row ${r} has mean ${mean}, std ${std}`);
  }
  return args;
}

function cases(rng: Rng): CaseSpec[] {
  const list: CaseSpec[] = [
    {
      name: 'example 1: one row, unit gamma, zero beta',
      public: true,
      args: [tensorSpec([1, 2, 3, 4], [1, 4]), tensorSpec([1, 1, 1, 1], [4]), tensorSpec([0, 0, 0, 0], [4]), 1e-5],
    },
    {
      name: 'example 2: eps = 1, gamma and beta, a constant row',
      public: true,
      args: [tensorSpec([1, 2, 3, 4, 3, 3, 3, 3], [2, 4]), tensorSpec([2, 1, 1, 0.5], [4]), tensorSpec([0, 0, 1, -1], [4]), 1],
    },
    { name: 'example 3: [batch, time, d]', public: true, args: random(rng, [2, 3, 8]) },
    { name: 'hidden: batch 1', public: false, args: random(rng, [1, 6]) },
    { name: 'hidden: no leading axis (x is [d])', public: false, args: random(rng, [7]) },
    { name: 'hidden: 4 rows of 16 features', public: false, args: random(rng, [4, 16]) },
    { name: 'hidden: small variance, eps = 1e-3 matters', public: false, args: random(rng, [3, 8], 1e-3, 0.01) },
    { name: 'hidden: eps = 0.1', public: false, args: random(rng, [2, 2, 5], 0.1) },
    { name: 'hidden: d = 2', public: false, args: random(rng, [5, 2]) },
    { name: 'hidden: large-magnitude features', public: false, args: random(rng, [3, 12], 1e-5, 1000) },
    { name: 'hidden: large mean, unit spread', public: false, args: largeMean(random(rng, [4, 32], 1e-5, 1, 1000)) },
    { name: 'hidden: large negative mean, unit spread, x is [d]', public: false, args: largeMean(random(rng, [48], 1e-5, 1, -1000)) },
    { name: 'hidden: large mean, unit spread, [batch, time, d]', public: false, args: largeMean(random(rng, [2, 3, 24], 1e-5, 1, 1000)) },
    { name: 'hidden: d = 1 (every row normalizes to 0, output is beta)', public: false, args: random(rng, [4, 1]) },
    { name: 'hidden: rank 4 input', public: false, args: random(rng, [2, 2, 3, 4]) },
  ];
  for (let i = 0; i < 3; i++) {
    const shape = [rng.int(1, 4), rng.int(1, 5), rng.int(2, 24)];
    list.push({ name: `hidden: random shapes ${i + 1}`, public: false, args: random(rng, shape, rng.pick([1e-5, 1e-6, 1e-3])) });
  }
  return list;
}

export default defineProblem({
  id: 'attention/layer-norm',
  entry: 'layerNorm',
  argNames: ['x', 'gamma', 'beta', 'eps'],
  reference: layerNorm,
  // Same shape as x, float32.
  output: tensorOf('float32', (args) => shapeOf(args, 0)),
  cases,
  // The large-mean case leaves float32 about 1e-4 of absolute precision after centring, whatever
  // the (correct) method; the one-pass E[x²] − E[x]² mistake is off by several percent there.
  tolerance: { cpu: { atol: 5e-4, rtol: 1e-3 }, wasm: { atol: 5e-4, rtol: 1e-3 } },
  forbiddenApis: [
    { name: 'layers', reason: 'implement the normalization yourself instead of tf.layers.layerNormalization.' },
    { name: 'batchNorm', reason: 'write (x − mean) / √(var + eps) yourself; tf.batchNorm does that step for you.' },
  ],
  mistakes: [
    {
      id: 'layers-api',
      title: 'used tf.layers.layerNormalization',
      explanation: 'This problem asks for the normalization itself: compute the mean and variance over the last axis with tf ops.',
      diagnostic: 'forbidden-api',
    },
    {
      id: 'normalized-over-batch-axis',
      title: 'statistics taken over the batch axis (batch norm)',
      explanation: 'Layer norm normalizes each row over its own features: mean and variance over axis -1 with keepDims, not over axis 0.',
      diagnostic: 'mismatch',
    },
    {
      id: 'unbiased-variance',
      title: 'unbiased variance (divided by d − 1)',
      explanation: 'Layer norm uses the population variance, the mean of (x − mean)² over the d features. Dividing by d − 1 shrinks every output by √((d−1)/d).',
      diagnostic: 'mismatch',
    },
    {
      id: 'eps-outside-sqrt',
      title: 'eps added outside the square root',
      explanation: 'The denominator is √(var + eps), not √var + eps. The difference is large when the variance is small or eps is large.',
      diagnostic: 'mismatch',
    },
    {
      id: 'missing-gamma-beta',
      title: 'gamma and beta not applied',
      explanation: 'After normalizing, scale by gamma and shift by beta (both [d], broadcast over the rows).',
      diagnostic: 'mismatch',
    },
    {
      id: 'gamma-beta-swapped',
      title: 'gamma and beta swapped',
      explanation: 'gamma is the per-feature scale and beta the shift: y = normalized · gamma + beta.',
      diagnostic: 'mismatch',
    },
    {
      id: 'mean-not-subtracted',
      title: 'x divided by the standard deviation without subtracting the mean',
      explanation: 'The numerator is x − mean, not x: centre each row before dividing by √(var + eps).',
      diagnostic: 'mismatch',
    },
    {
      id: 'eps-ignored',
      title: 'a hard-coded eps instead of the eps argument',
      explanation: 'Use the eps passed in; the cases use different values (1, 0.1, 1e-3 …) and a fixed 1e-5 gives the wrong denominator.',
      diagnostic: 'mismatch',
    },
    {
      id: 'stats-over-last-two-axes',
      title: 'statistics over the last two axes (the whole sequence) instead of each row',
      explanation: 'Each token is normalized on its own: mean and variance over axis -1 only, not over [-2, -1].',
      diagnostic: 'mismatch',
    },
    {
      id: 'variance-from-mean-of-squares',
      title: 'variance computed as E[x²] − E[x]²',
      explanation: 'In float32 this one-pass formula cancels catastrophically when the mean is large compared with the spread. Subtract the mean first, then average the squares.',
      diagnostic: 'mismatch',
    },
    {
      id: 'variance-from-mean-of-squares-float32-loop',
      title: 'variance computed as E[x²] − E[x]² from running sums kept in float32 (Float32Array accumulators)',
      explanation:
        'Σx and Σx² accumulated in a Float32Array keep only about 7 significant digits. With a mean near 1000 and unit spread, E[x²] ≈ 1e6 and E[x]² ≈ 1e6 agree in nearly all of those digits, so their difference is rounding noise (sometimes negative, giving NaN). Compute the mean first, then average (x − mean)² in a second pass, and accumulate in plain JavaScript numbers (float64).',
      diagnostic: 'mismatch',
    },
    {
      id: 'variance-from-mean-of-squares-float32-means',
      title: 'variance computed as E[x²] − E[x]² from means stored in float32 (Float32Array)',
      explanation:
        'E[x] and E[x²] held in a Float32Array keep only about 7 significant digits. With a mean near 1000 and unit spread both are ≈ 1e6 and agree in nearly all of those digits, so E[x²] − E[x]² is rounding noise (sometimes negative, giving NaN). Compute the mean first, then average (x − mean)² in a second pass, in plain JavaScript numbers (float64).',
      diagnostic: 'mismatch',
    },
    {
      id: 'variance-not-square-rooted',
      title: 'divided by the variance instead of the standard deviation (square root missing)',
      explanation: 'The denominator is √(var + eps). Dividing by var + eps itself scales every row by the wrong factor unless its variance happens to be near 1.',
      diagnostic: 'mismatch',
    },
    {
      id: 'eps-dropped',
      title: 'eps left out of the denominator',
      explanation: 'Divide by √(var + eps), not √var: without eps a constant row gives 0 / 0 = NaN, and small-variance rows blow up.',
      diagnostic: 'non-finite',
    },
    {
      id: 'stats-over-whole-tensor',
      title: 'one mean and variance for the whole tensor instead of per row',
      explanation: 'tf.mean(x) with no axis reduces everything. Layer norm needs per-row statistics: tf.mean(x, -1, true) and the same for the variance.',
      diagnostic: 'mismatch',
    },
    {
      id: 'rms-norm',
      title: 'RMS norm instead of layer norm (mean never subtracted)',
      explanation: 'x / √(mean(x²) + eps) is RMSNorm. Layer norm first centres each row: (x − mean) / √(mean((x − mean)²) + eps).',
      diagnostic: 'mismatch',
    },
    {
      id: 'variance-of-uncentered-x',
      title: 'variance taken as mean(x²) without subtracting the mean',
      explanation: 'The variance is the mean of (x − mean)², not of x². mean(x²) is too large whenever the row mean is not zero.',
      diagnostic: 'mismatch',
    },
    {
      id: 'beta-missing',
      title: 'beta shift not added',
      explanation: 'After scaling by gamma, add beta: y = normalized · gamma + beta.',
      diagnostic: 'mismatch',
    },
    {
      id: 'gamma-missing',
      title: 'gamma scale not applied',
      explanation: 'Multiply the normalized rows by gamma before adding beta: y = normalized · gamma + beta.',
      diagnostic: 'mismatch',
    },
    {
      id: 'beta-added-before-gamma',
      title: 'beta added before multiplying by gamma',
      explanation: 'The affine step is normalized · gamma + beta. (normalized + beta) · gamma also scales the shift by gamma.',
      diagnostic: 'mismatch',
    },
    {
      id: 'variance-summed-not-averaged',
      title: 'variance as the sum of squared deviations (not divided by d)',
      explanation: 'The variance is the mean of (x − mean)² over the d features: use tf.mean, not tf.sum, or divide the sum by d.',
      diagnostic: 'mismatch',
    },
    {
      id: 'mean-absolute-deviation',
      title: 'divided by the mean absolute deviation instead of the standard deviation',
      explanation: 'LayerNorm divides by √(mean((x − μ)²) + eps), the standard deviation; mean|x − μ| is a different (smaller) spread.',
      diagnostic: 'mismatch',
    },
  ],
});
