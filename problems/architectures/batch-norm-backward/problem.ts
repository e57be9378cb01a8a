import { defineProblem, type ArgSpec, type CaseSpec } from '../../../src/judge/problem';
import { objectOf, shapeOf, tensorOf } from '../../../src/judge/contract';
import { tensorSpec, type TensorSpec } from '../../../src/judge/inputs';
import type { Rng } from '../../../src/judge/rng';
import { AUTODIFF_FORBIDDEN, AUTODIFF_MISTAKE } from '../../backprop/forbidden';
import { batchNormBackward } from './reference';

/** x [N, D] whose columns have different means and spreads. */
function columns(rng: Rng, N: number, D: number, spread = 1, offset = 0): TensorSpec {
  const x = rng.normal([N, D]);
  for (let d = 0; d < D; d++) {
    const shift = offset + rng.normal([1], 2).data[0];
    const stretch = spread * (0.5 + 2 * rng.next());
    for (let n = 0; n < N; n++) x.data[n * D + d] = x.data[n * D + d] * stretch + shift;
  }
  return x;
}

function column(x: TensorSpec, d: number): number[] {
  const [N, D] = x.shape;
  return Array.from({ length: N }, (_, n) => x.data[n * D + d]);
}

function stats(values: number[]): { mean: number; variance: number } {
  const mean = values.reduce((a, b) => a + b, 0) / values.length;
  return { mean, variance: values.reduce((a, b) => a + (b - mean) ** 2, 0) / values.length };
}

/**
 * Columns at 1000 ± 1 with a spread of about 1, where float32 cancellation decides: each column's
 * biased variance is kept ≥ 0.02 away from every multiple of 1/16, the grid a float32 one-pass
 * E[x²] − E[x]² lands on at this magnitude, so that formula is off by at least 2% on every column.
 */
function offsetColumns(rng: Rng, N: number, D: number): TensorSpec {
  const x = rng.normal([N, D]);
  for (let d = 0; d < D; d++) {
    const { mean: m, variance: v } = stats(column(x, d));
    const target = (rng.int(13, 18) + 0.5) / 16;
    const centre = 1000 + (2 * rng.next() - 1) * 0.9;
    for (let n = 0; n < N; n++) x.data[n * D + d] = centre + ((x.data[n * D + d] - m) * Math.sqrt(target)) / Math.sqrt(v);
  }
  for (let d = 0; d < D; d++) {
    const { mean, variance } = stats(column(x, d));
    const offGrid = Math.abs(variance * 16 - Math.round(variance * 16)) / 16;
    if (!(Math.abs(mean - 1000) <= 1 && mean / Math.sqrt(variance) >= 500 && offGrid >= 0.02)) {
      throw new Error(`case generator: column ${d} has mean ${mean}, variance ${variance}`);
    }
  }
  return x;
}

function random(rng: Rng, N: number, D: number, eps = 1e-5, spread = 1): ArgSpec[] {
  return [columns(rng, N, D, spread), rng.uniform([D], 0.5, 1.5), rng.normal([N, D]), eps];
}

/** Asserts the case's promise: column `d` of x is constant (zero variance). */
function constantColumn(args: ArgSpec[], d: number): ArgSpec[] {
  if (stats(column(args[0] as TensorSpec, d)).variance !== 0) throw new Error(`case generator: column ${d} is not constant`);
  return args;
}

/** Asserts the small-variance promise: some column's variance is below `limit`, so eps matters. */
function smallVariance(args: ArgSpec[], limit: number): ArgSpec[] {
  const x = args[0] as TensorSpec;
  const smallest = Math.min(...Array.from({ length: x.shape[1] }, (_, d) => stats(column(x, d)).variance));
  if (!(smallest < limit)) throw new Error(`case generator: smallest column variance ${smallest} ≥ ${limit}`);
  return args;
}

function cases(rng: Rng): CaseSpec[] {
  const list: CaseSpec[] = [
    {
      name: 'example 1: N = 4, D = 2',
      public: true,
      args: [
        tensorSpec([1, 2, 3, 2, 5, 8, 7, 4], [4, 2]),
        tensorSpec([1, 2], [2]),
        tensorSpec([1, 0, 0, 1, -1, 0, 2, -1], [4, 2]),
        1e-5,
      ],
    },
    {
      name: 'example 2: N = 3, a constant column, eps = 1e-3',
      public: true,
      args: [tensorSpec([0, 1, 3, 1, 6, 1], [3, 2]), tensorSpec([2, 1], [2]), tensorSpec([1, 3, 0, -1, 0, 1], [3, 2]), 1e-3],
    },
    { name: 'example 3: N = 6, D = 3', public: true, args: random(rng, 6, 3) },
    { name: 'hidden: batch of 16, D = 8', public: false, args: random(rng, 16, 8) },
    { name: 'hidden: N = 2 (smallest batch)', public: false, args: random(rng, 2, 5) },
    { name: 'hidden: D = 1', public: false, args: random(rng, 7, 1) },
    { name: 'hidden: N < D', public: false, args: random(rng, 3, 10) },
    { name: 'hidden: large eps = 0.1 with small-variance columns', public: false, args: smallVariance(random(rng, 5, 4, 0.1, 0.1), 0.1) },
    { name: 'hidden: eps = 1e-3', public: false, args: random(rng, 8, 4, 1e-3) },
    (() => {
      const args = random(rng, 5, 3, 1e-3);
      const x = args[0] as TensorSpec;
      for (let n = 0; n < 5; n++) x.data[n * 3 + 1] = 2.5;
      return { name: 'hidden: a constant column (zero variance), eps = 1e-3', public: false, args: constantColumn(args, 1) };
    })(),
    {
      name: 'hidden: columns at 1000 ± 1 with unit spread',
      public: false,
      args: [offsetColumns(rng, 32, 4), rng.uniform([4], 0.5, 1.5), rng.normal([32, 4]), 1e-5],
    },
    { name: 'hidden: wide batch (N = 64)', public: false, args: random(rng, 64, 6) },
  ];
  for (let i = 0; i < 3; i++) {
    list.push({ name: `hidden: random shape ${i + 1}`, public: false, args: random(rng, rng.int(2, 12), rng.int(1, 9), rng.pick([1e-5, 1e-3])) });
  }
  return list;
}

export default defineProblem({
  id: 'architectures/batch-norm-backward',
  entry: 'batchNormBackward',
  argNames: ['x', 'gamma', 'dy', 'eps'],
  reference: batchNormBackward,
  // { dx [N, D], dgamma [D], dbeta [D] }, all float32.
  output: objectOf({
    dx: tensorOf('float32', (args) => shapeOf(args, 0)),
    dgamma: tensorOf('float32', (args) => shapeOf(args, 1)),
    dbeta: tensorOf('float32', (args) => shapeOf(args, 1)),
  }),
  cases,
  // Columns at 1000 ± 1 leave float32 about 1e-4 of absolute precision after centring, whatever
  // the (correct) method; the one-pass E[x²] − E[x]² mistake is off by percents there.
  tolerance: { cpu: { atol: 5e-4, rtol: 1e-3 }, wasm: { atol: 5e-4, rtol: 1e-3 } },
  forbiddenApis: AUTODIFF_FORBIDDEN,
  mistakes: [
    {
      id: 'ignores-stat-dependence',
      title: 'μ and σ² treated as constants (dx = γ·dy / σ)',
      explanation:
        'The batch mean and variance are functions of every row of x, so dx has three paths. With g = dy·γ: dx = (g − mean(g) − x̂·mean(g·x̂)) / sqrt(σ² + eps), the means over the batch axis.',
      diagnostic: 'mismatch',
    },
    {
      id: 'layer-norm-axis',
      title: 'statistics and means over the feature axis (the layer-norm backward)',
      explanation:
        'Batch norm normalizes each column (feature) over the N rows of the batch: μ, σ² and both means in the dx formula run over axis 0 and divide by N, not over axis 1.',
      diagnostic: 'mismatch',
    },
    {
      id: 'unbiased-variance',
      title: 'unbiased variance (N − 1) in the forward statistics',
      explanation: 'Train-mode batch norm normalizes with the biased batch variance σ² = mean((x − μ)²), dividing by N; the unbiased one belongs only to the running-variance update.',
      diagnostic: 'mismatch',
    },
    {
      id: 'forgot-gamma',
      title: 'forgot to multiply dy by γ in dx',
      explanation: 'The gradient reaching x̂ is g = dy·γ, since y = γ·x̂ + β. Use g in all three terms of dx.',
      diagnostic: 'mismatch',
    },
    {
      id: 'drops-variance-path',
      title: 'only the mean path kept: the x̂·mean(g·x̂) term is missing',
      explanation: 'σ² depends on x too, and its path contributes −x̂·mean(g·x̂): dx = (g − mean(g) − x̂·mean(g·x̂)) / sqrt(σ² + eps).',
      diagnostic: 'mismatch',
    },
    {
      id: 'drops-mean-path',
      title: 'only the variance path kept: the − mean(g) term is missing',
      explanation: 'μ depends on every row, and its path contributes −mean(g): dx = (g − mean(g) − x̂·mean(g·x̂)) / sqrt(σ² + eps).',
      diagnostic: 'mismatch',
    },
    {
      id: 'variance-term-sign',
      title: 'the variance term added instead of subtracted',
      explanation: 'The path through σ² contributes −x̂·mean(g·x̂): dx = (g − mean(g) − x̂·mean(g·x̂)) / sqrt(σ² + eps).',
      diagnostic: 'mismatch',
    },
    {
      id: 'dx-sums-not-means',
      title: 'sums instead of means in the dx correction terms (1/N missing)',
      explanation: 'The μ and σ² paths each bring a 1/N: dx = (g − Σg/N − x̂·Σ(g·x̂)/N) / sqrt(σ² + eps). Summing without dividing by N overcorrects.',
      diagnostic: 'mismatch',
    },
    {
      id: 'eps-outside-sqrt',
      title: 'eps added outside the square root: 1 / (σ + eps)',
      explanation: 'The normalization is (x − μ)/sqrt(σ² + eps); 1/(sqrt(σ²) + eps) is a different function, visible when eps is large or σ² is small.',
      diagnostic: 'mismatch',
    },
    {
      id: 'dgamma-unnormalized',
      title: 'dgamma uses x − μ instead of x̂',
      explanation: 'y = γ·x̂ + β, so dgamma = Σ dy·x̂ over the batch with x̂ = (x − μ)/sqrt(σ² + eps).',
      diagnostic: 'mismatch',
    },
    {
      id: 'dgamma-dbeta-swapped',
      title: 'dgamma and dbeta swapped',
      explanation: 'γ multiplies x̂, so dgamma = Σ dy·x̂; β is added, so dbeta = Σ dy (both summed over the batch axis).',
      diagnostic: 'mismatch',
    },
    {
      id: 'param-grads-not-summed',
      title: 'dgamma / dbeta not summed over the batch',
      explanation: 'γ and β are shared by every row: dgamma = Σₙ dy·x̂ and dbeta = Σₙ dy, shape [D].',
      diagnostic: 'shape',
    },
    {
      id: 'variance-from-mean-of-squares',
      title: 'variance computed as E[x²] − E[x]² (catastrophic cancellation)',
      explanation:
        'For columns at 1000 ± 1, E[x²] and E[x]² are both ≈ 10⁶ and float32 keeps only about 1/16 of their difference, so σ² is off by percents (or negative). Compute σ² = mean((x − μ)²) from the centred values.',
      diagnostic: 'mismatch',
    },
    AUTODIFF_MISTAKE,
  ],
});
