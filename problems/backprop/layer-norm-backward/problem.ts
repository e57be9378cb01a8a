import { defineProblem, type CaseSpec } from '../../../src/judge/problem';
import { objectOf, shapeOf, tensorOf } from '../../../src/judge/contract';
import { tensorSpec, type TensorSpec } from '../../../src/judge/inputs';
import type { Rng } from '../../../src/judge/rng';
import { AUTODIFF_FORBIDDEN, AUTODIFF_MISTAKE } from '../forbidden';
import { layerNormBackward } from './reference';

function shifted(spec: TensorSpec, offset: number): TensorSpec {
  return { ...spec, data: spec.data.map((v) => v + offset) as Float32Array };
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
  list.push(randomCase(rng, 'hidden: rows with a large offset', [3, 8], 1e-5, 2, 50));
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
    AUTODIFF_MISTAKE,
  ],
});
