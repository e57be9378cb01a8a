import { defineProblem, type ArgSpec, type CaseSpec } from '../../../src/judge/problem';
import { shapeOf, tensorOf } from '../../../src/judge/contract';
import { tensorSpec, type TensorSpec } from '../../../src/judge/inputs';
import type { Rng } from '../../../src/judge/rng';
import { rmsNorm } from './reference';

/** Rows with different scales and non-zero means, so every axis and centring mistake shows. */
function rows(rng: Rng, shape: number[], scale = 1): TensorSpec {
  const x = rng.normal(shape, scale);
  const d = shape[shape.length - 1];
  for (let r = 0; r < x.data.length / d; r++) {
    const shift = 0.5 * scale * rng.gaussian();
    const stretch = 0.25 + rng.next() * 2;
    for (let j = 0; j < d; j++) x.data[r * d + j] = x.data[r * d + j] * stretch + shift;
  }
  return x;
}

function random(rng: Rng, shape: number[], eps = 1e-6, scale = 1): ArgSpec[] {
  return [rows(rng, shape, scale), rng.uniform([shape[shape.length - 1]], 0.5, 1.5), eps];
}

function cases(rng: Rng): CaseSpec[] {
  const list: CaseSpec[] = [
    { name: 'example 1: one row, unit gamma', public: true, args: [tensorSpec([1, 2, 3, 4], [1, 4]), tensorSpec([1, 1, 1, 1], [4]), 1e-6] },
    {
      name: 'example 2: two rows, eps = 0.01, gamma',
      public: true,
      args: [tensorSpec([3, -4, 0.3, 0.4], [2, 2]), tensorSpec([2, 0.5], [2]), 0.01],
    },
    { name: 'example 3: [batch, time, d]', public: true, args: random(rng, [2, 3, 8]) },
    { name: 'hidden: batch 1', public: false, args: random(rng, [1, 6]) },
    { name: 'hidden: no leading axis (x is [d])', public: false, args: random(rng, [9]) },
    { name: 'hidden: 4 rows of 16 features', public: false, args: random(rng, [4, 16], 1e-5) },
    { name: 'hidden: tiny activations, eps = 1e-3 matters', public: false, args: random(rng, [3, 8], 1e-3, 0.02) },
    { name: 'hidden: eps = 0.1', public: false, args: random(rng, [2, 2, 5], 0.1) },
    { name: 'hidden: d = 1 (output is ≈ sign(x) · gamma)', public: false, args: random(rng, [5, 1]) },
    { name: 'hidden: large-magnitude activations', public: false, args: random(rng, [3, 12], 1e-6, 500) },
    { name: 'hidden: rank 4 input', public: false, args: random(rng, [2, 2, 3, 4]) },
    { name: 'hidden: LLaMA-like row width 64', public: false, args: random(rng, [2, 64], 1e-5) },
  ];
  for (let i = 0; i < 3; i++) {
    const shape = [rng.int(1, 4), rng.int(1, 5), rng.int(2, 24)];
    list.push({ name: `hidden: random shapes ${i + 1}`, public: false, args: random(rng, shape, rng.pick([1e-6, 1e-5, 1e-3])) });
  }
  return list;
}

export default defineProblem({
  id: 'attention/rms-norm',
  entry: 'rmsNorm',
  argNames: ['x', 'gamma', 'eps'],
  reference: rmsNorm,
  // Same shape as x, float32.
  output: tensorOf('float32', (args) => shapeOf(args, 0)),
  cases,
  mistakes: [
    {
      id: 'subtracts-mean',
      title: 'mean subtracted (that is layer norm, not RMSNorm)',
      explanation: 'RMSNorm does not centre: it divides x itself by √(mean(x²) + eps). Drop the mean subtraction.',
      diagnostic: 'mismatch',
    },
    {
      id: 'eps-outside-sqrt',
      title: 'eps added outside the square root',
      explanation: 'The denominator is √(mean(x²) + eps), not √mean(x²) + eps; they differ when activations are small or eps is large.',
      diagnostic: 'mismatch',
    },
    {
      id: 'missing-sqrt',
      title: 'divided by the mean square instead of its square root',
      explanation: 'RMS is the square root of the mean square: x / √(mean(x²) + eps), or x · rsqrt(mean(x²) + eps).',
      diagnostic: 'mismatch',
    },
    {
      id: 'normalized-over-batch-axis',
      title: 'mean square taken over the batch axis',
      explanation: 'Each row (token) is normalized by its own features: reduce over axis -1 with keepDims, not axis 0.',
      diagnostic: 'mismatch',
    },
    {
      id: 'sum-instead-of-mean',
      title: 'sum of squares (L2 norm) instead of the mean square',
      explanation: 'RMS divides the sum of squares by d before the square root; the L2 norm makes the output √d times too small.',
      diagnostic: 'mismatch',
    },
    {
      id: 'eps-ignored',
      title: 'a hard-coded eps instead of the eps argument',
      explanation: 'Use the eps passed in; the cases use several values (0.01, 0.1, 1e-3 …) and a fixed 1e-6 gives the wrong denominator.',
      diagnostic: 'mismatch',
    },
    {
      id: 'divided-by-std',
      title: 'divided by the standard deviation instead of the root mean square',
      explanation: 'The statistic is the plain mean of x² — no mean subtracted anywhere. √(mean((x − μ)²) + eps) is the standard deviation, which differs whenever a row has a non-zero mean.',
      diagnostic: 'mismatch',
    },
    {
      id: 'missing-gamma',
      title: 'gamma not applied',
      explanation: 'Multiply the normalized rows by the learned scale gamma ([d], broadcast over the rows).',
      diagnostic: 'mismatch',
    },
    {
      id: 'mean-over-whole-tensor',
      title: 'mean square taken over the whole tensor instead of per row',
      explanation: 'tf.mean without an axis averages every element of x into one number. Each row gets its own RMS: tf.mean(tf.square(x), -1, true).',
      diagnostic: 'mismatch',
    },
    {
      id: 'square-of-mean',
      title: 'square of the mean, (mean x)², instead of the mean of the squares',
      explanation: 'RMS averages the squares: mean(x²). Squaring the row mean lets positive and negative entries cancel, and the result is not the RMS.',
      diagnostic: 'mismatch',
    },
    {
      id: 'divided-by-d-minus-one',
      title: 'sum of squares divided by d − 1 instead of d',
      explanation: 'The mean square is a plain mean: divide the sum of squares by d (tf.mean). The d − 1 correction belongs to unbiased variance estimates, not to RMSNorm.',
      diagnostic: 'mismatch',
    },
    {
      id: 'gamma-plus-one',
      title: 'scaled by (1 + gamma) instead of gamma',
      explanation: 'The statement scales by gamma itself: y = gamma · x / RMS(x). The (1 + gamma) parameterisation is a convention of some checkpoints, not this problem.',
      diagnostic: 'mismatch',
    },
    {
      id: 'multiplied-by-rms',
      title: 'multiplied by the RMS instead of divided by it',
      explanation: 'Normalizing divides by RMS(x): x / √(mean(x²) + eps), i.e. x · rsqrt(...), not x · sqrt(...).',
      diagnostic: 'mismatch',
    },
    {
      id: 'mean-over-axis-1',
      title: 'mean square taken over axis 1 instead of the last axis',
      explanation: 'Axis 1 is the feature axis only for 2-D input; x may have any number of leading axes. Reduce over axis -1 with keepDims.',
      diagnostic: 'mismatch',
    },
    {
      id: 'mean-absolute-value',
      title: 'mean absolute value used instead of the root mean square',
      explanation: 'RMS is √(mean(x²) + eps): square each entry, then average. Averaging |x| and squaring afterwards gives a smaller denominator whenever the entries of a row differ in size.',
      diagnostic: 'mismatch',
    },
    {
      id: 'l2-normalized-times-sqrt-d',
      title: 'L2-normalised then scaled by √d (eps added to the sum, not the mean, of squares)',
      explanation: '√d·x/‖x‖ equals x/RMS(x) only without eps: RMSNorm adds eps to the mean square, x/√(mean(x²) + eps). Adding it to Σx² shrinks its effect by a factor d.',
      diagnostic: 'mismatch',
    },
  ],
});
