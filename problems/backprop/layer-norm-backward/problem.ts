import { defineProblem, type CaseSpec } from '../../../src/judge/problem';
import { objectOf, shapeOf, tensorOf } from '../../../src/judge/contract';
import { tensorSpec, type TensorSpec } from '../../../src/judge/inputs';
import type { Rng } from '../../../src/judge/rng';
import { AUTODIFF_FORBIDDEN, AUTODIFF_MISTAKE } from '../forbidden';
import { layerNormBackward } from './reference';

function shifted(spec: TensorSpec, offset: number): TensorSpec {
  return { ...spec, data: spec.data.map((v) => v + offset) as Float32Array };
}

/**
 * Rows at 1000 ± 1 with a spread of about 1 (|mean| / std ≥ 500), where float32 cancellation
 * decides: each row's variance is kept ≥ 0.02 away from every multiple of 1/16, the grid a float32
 * one-pass E[x²] − E[x]² lands on at this magnitude (both terms lie in [2^19, 2^20)), so that
 * formula is off by at least 2% on every row.
 */
function offsetRows(rng: Rng, shape: number[]): TensorSpec {
  const D = shape[shape.length - 1];
  const x = rng.normal(shape);
  for (let row = 0; row < x.data.length / D; row++) {
    const values = Array.from(x.data.slice(row * D, (row + 1) * D));
    const m = values.reduce((a, b) => a + b, 0) / D;
    const v = values.reduce((a, b) => a + (b - m) ** 2, 0) / D;
    const target = (rng.int(13, 18) + 0.5) / 16; // half-way between two grid points: 0.84 … 1.16
    const centre = 1000 + (2 * rng.next() - 1) * 0.9;
    for (let j = 0; j < D; j++) x.data[row * D + j] = centre + ((values[j] - m) * Math.sqrt(target)) / Math.sqrt(v);
    const stored = Array.from(x.data.slice(row * D, (row + 1) * D));
    const mean = stored.reduce((a, b) => a + b, 0) / D;
    const variance = stored.reduce((a, b) => a + (b - mean) ** 2, 0) / D;
    const offGrid = Math.abs(variance * 16 - Math.round(variance * 16)) / 16;
    if (!(Math.abs(mean - 1000) <= 1 && Math.abs(mean) / Math.sqrt(variance) >= 500 && offGrid >= 0.02)) {
      throw new Error(`layer-norm-backward: offset row ${row} has mean ${mean}, variance ${variance}`);
    }
  }
  return x;
}

function randomCase(rng: Rng, name: string, shape: number[], eps = 1e-5, scale = 1, offset = 0): CaseSpec {
  const D = shape[shape.length - 1];
  return {
    name,
    public: false,
    args: [shifted(rng.normal(shape, scale), offset), shifted(rng.normal([D], 0.5), 1), rng.normal(shape), eps],
  };
}

function cases(rng: Rng): CaseSpec[] {
  const list: CaseSpec[] = [
    {
      name: 'example 1: two rows, D = 4',
      public: true,
      args: [
        tensorSpec([1, 2, 3, 4, 2, 0, 2, 0], [2, 4]),
        tensorSpec([1, 2, 1, 0.5], [4]),
        tensorSpec([1, 0, -1, 2, 0.5, 1, 0, -1], [2, 4]),
        1e-5,
      ],
    },
    {
      name: 'example 2: one row, D = 3',
      public: true,
      args: [tensorSpec([0, 3, 6], [1, 3]), tensorSpec([2, 1, 1], [3]), tensorSpec([1, 0, 0], [1, 3]), 1e-5],
    },
  ];
  list.push(randomCase(rng, 'hidden: batch of rows', [5, 8]));
  list.push(randomCase(rng, 'hidden: rank 3 [batch, time, D]', [2, 3, 6]));
  list.push(randomCase(rng, 'hidden: a single vector (rank 1)', [7]));
  list.push(randomCase(rng, 'hidden: batch 1', [1, 16]));
  list.push(randomCase(rng, 'hidden: D = 2', [4, 2]));
  list.push(randomCase(rng, 'hidden: large eps = 0.1', [3, 5], 0.1, 0.5));
  list.push(randomCase(rng, 'hidden: rows with a moderate offset (50)', [3, 8], 1e-5, 2, 50));
  for (const shape of [[4, 8], [2, 2, 16]]) {
    const D = shape[shape.length - 1];
    list.push({
      name: `hidden: rows at 1000 ± 1 with unit spread [${shape.join(', ')}]`,
      public: false,
      args: [offsetRows(rng, shape), shifted(rng.normal([D], 0.5), 1), rng.normal(shape), 1e-5],
    });
  }
  list.push(randomCase(rng, 'hidden: small-variance rows', [4, 6], 1e-3, 0.05));
  list.push(randomCase(rng, 'hidden: wide rows', [2, 64]));
  for (let i = 0; i < 3; i++) {
    const shape = [...Array.from({ length: rng.int(1, 2) }, () => rng.int(1, 5)), rng.int(2, 12)];
    list.push(randomCase(rng, `hidden: random shape ${i + 1}`, shape, rng.pick([1e-5, 1e-3])));
  }
  return list;
}

export default defineProblem({
  id: 'backprop/layer-norm-backward',
  entry: 'layerNormBackward',
  argNames: ['x', 'gamma', 'dy', 'eps'],
  reference: layerNormBackward,
  // { dx [..., D], dgamma [D], dbeta [D] } (no dtype stated; float32 gradients).
  output: objectOf({
    dx: tensorOf('float32', (args) => shapeOf(args, 0)),
    dgamma: tensorOf('float32', (args) => shapeOf(args, 1)),
    dbeta: tensorOf('float32', (args) => shapeOf(args, 1)),
  }),
  cases,
  forbiddenApis: AUTODIFF_FORBIDDEN,
  mistakes: [
    {
      id: 'ignores-stat-dependence',
      title: 'μ and σ² treated as constants',
      explanation:
        'The mean and variance are functions of x, so dx has three paths. With g = dy·γ: dx = (g − mean(g) − x̂·mean(g·x̂)) / sqrt(σ² + eps), the means over the normalized axis.',
      diagnostic: 'mismatch',
    },
    {
      id: 'param-grads-not-summed',
      title: 'dgamma / dbeta not summed over the batch',
      explanation: 'γ and β are shared by every row: dgamma = Σ dy·x̂ and dbeta = Σ dy over all leading axes, shape [D].',
      diagnostic: 'shape',
    },
    {
      id: 'means-over-batch-axis',
      title: 'means taken over the batch axis (wrong N)',
      explanation:
        'Layer norm normalizes each row over its D features, so the means in the backward formula run over the last axis and divide by D — not over the batch (that is batch norm).',
      diagnostic: 'mismatch',
    },
    {
      id: 'unbiased-variance',
      title: 'unbiased variance (D − 1) instead of the biased one (D)',
      explanation: 'Layer norm uses the biased variance σ² = mean((x − μ)²), dividing by D. Recomputing it with D − 1 changes x̂ and every gradient.',
      diagnostic: 'mismatch',
    },
    {
      id: 'forgot-gamma',
      title: 'forgot to multiply dy by γ',
      explanation: 'The gradient reaching x̂ is dy·γ, since y = γ·x̂ + β. Use g = dy·γ in the dx formula.',
      diagnostic: 'mismatch',
    },
    {
      id: 'variance-from-mean-of-squares',
      title: 'variance computed as E[x²] − E[x]² (catastrophic cancellation)',
      explanation:
        'For rows with a large mean and a small spread (x ≈ 1000 ± 1), E[x²] and E[x]² are both ≈ 10⁶ and float32 keeps only about 0.06 of their difference, so σ² is off by percents (or negative). Compute σ² = mean((x − μ)²) from the centered values.',
      diagnostic: 'mismatch',
    },
    {
      id: 'drops-variance-path',
      title: 'only the mean path kept: the x̂·mean(g·x̂) term is missing',
      explanation:
        'σ² depends on x too, and its path contributes −x̂·mean(g·x̂): dx = (g − mean(g) − x̂·mean(g·x̂)) / sqrt(σ² + eps). Subtracting mean(g) alone handles only μ.',
      diagnostic: 'mismatch',
    },
    {
      id: 'eps-outside-sqrt',
      title: 'eps added outside the square root: 1 / (σ + eps)',
      explanation: 'The statement normalizes by sqrt(σ² + eps); 1 / (sqrt(σ²) + eps) is a different function, visible when eps is large or σ² is small.',
      diagnostic: 'mismatch',
    },
    {
      id: 'param-grads-sum-axis0',
      title: 'dgamma / dbeta summed over axis 0 only',
      explanation: 'γ and β are shared by every position, so sum over all leading axes (every axis but the last). Summing axis 0 only works for [N, D]; a rank-1 input needs no sum over rows and a [B, T, D] input needs both B and T.',
      diagnostic: 'shape',
    },
    {
      id: 'dgamma-unnormalized',
      title: 'dgamma uses x − μ instead of x̂',
      explanation: 'y = γ·x̂ + β, so dgamma = Σ dy·x̂ with x̂ = (x − μ)/sqrt(σ² + eps); the centered values still need dividing by the standard deviation.',
      diagnostic: 'mismatch',
    },
    {
      id: 'eps-dropped',
      title: 'eps left out: 1/sqrt(σ²) instead of 1/sqrt(σ² + eps)',
      explanation: 'The normalization is (x − μ)/sqrt(σ² + eps); eps is part of the function being differentiated and matters when σ² is small or eps is large.',
      diagnostic: 'mismatch',
    },
    {
      id: 'eps-hardcoded',
      title: 'a hard-coded eps instead of the eps argument',
      explanation: 'Use the eps passed in: the normalization is (x − μ)/sqrt(σ² + eps) with the given eps, which the cases vary (1e-5, 1e-3, 0.1).',
      diagnostic: 'mismatch',
    },
    {
      id: 'missing-sqrt',
      title: 'divided by σ² + eps instead of its square root',
      explanation: 'x̂ = (x − μ)/sqrt(σ² + eps): the scale is the standard deviation, not the variance, in x̂ and in the outer factor of dx.',
      diagnostic: 'mismatch',
    },
    {
      id: 'dx-sums-not-means',
      title: 'sums instead of means in the dx correction terms',
      explanation: 'With g = dy·γ, dx = (g − mean(g) − x̂·mean(g·x̂)) / sqrt(σ² + eps): the μ and σ² paths bring a 1/D, so the row reductions are means, not sums.',
      diagnostic: 'mismatch',
    },
    {
      id: 'dx-missing-inv-std',
      title: 'dx without the outer 1/sqrt(σ² + eps)',
      explanation: 'Every path from x to x̂ goes through the division by the standard deviation: dx = (g − mean(g) − x̂·mean(g·x̂)) / sqrt(σ² + eps).',
      diagnostic: 'mismatch',
    },
    {
      id: 'variance-term-sign',
      title: 'the variance term added instead of subtracted',
      explanation: 'The path through σ² contributes −x̂·mean(g·x̂): dx = (g − mean(g) − x̂·mean(g·x̂)) / sqrt(σ² + eps).',
      diagnostic: 'mismatch',
    },
    {
      id: 'drops-mean-path',
      title: 'only the variance path kept: the − mean(g) term is missing',
      explanation: 'μ depends on every x_i, and its path contributes −mean(g): dx = (g − mean(g) − x̂·mean(g·x̂)) / sqrt(σ² + eps).',
      diagnostic: 'mismatch',
    },
    {
      id: 'dgamma-dbeta-swapped',
      title: 'dgamma and dbeta swapped',
      explanation: 'γ multiplies x̂, so dgamma = Σ dy·x̂; β is added, so dbeta = Σ dy (both summed over the leading axes).',
      diagnostic: 'mismatch',
    },
    AUTODIFF_MISTAKE,
    {
      id: 'inv-std-on-mean-path-only',
      title: 'the outer 1/sqrt(σ² + eps) left off the variance term',
      explanation: 'All three terms share the factor: dx = (g − mean(g) − x̂·mean(g·x̂)) / sqrt(σ² + eps). A misplaced parenthesis that scales only g − mean(g) leaves the x̂ term unscaled.',
      diagnostic: 'mismatch',
    },
    {
      id: 'gamma-missing-in-variance-term',
      title: 'γ left out of the variance term: x̂·mean(dy·x̂) instead of x̂·mean(g·x̂)',
      explanation: 'Every path to x goes through ∂L/∂x̂ = g = dy·γ, so the variance correction is x̂·mean(g·x̂), like the mean correction mean(g); using dy there drops γ from one term.',
      diagnostic: 'mismatch',
    },
  ],
});
