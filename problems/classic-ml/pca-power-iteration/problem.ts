import { defineProblem, type CaseSpec } from '../../../src/judge/problem';
import { numberArg, shapeOf, tensorOf } from '../../../src/judge/contract';
import { tensorSpec } from '../../../src/judge/inputs';
import type { Rng } from '../../../src/judge/rng';
import { pcaPowerIteration } from './reference';

/** A random d × d orthogonal matrix (Gram–Schmidt on Gaussian rows). */
function rotation(rng: Rng, d: number): number[][] {
  const q: number[][] = [];
  while (q.length < d) {
    let v = Array.from({ length: d }, () => rng.gaussian());
    for (const u of q) {
      const dot = v.reduce((s, x, j) => s + x * u[j], 0);
      v = v.map((x, j) => x - dot * u[j]);
    }
    const norm = Math.hypot(...v);
    if (norm > 1e-6) q.push(v.map((x) => x / norm));
  }
  return q;
}

/** n samples with per-axis std `scales` (well separated), rotated, scaled and shifted by `offset`. */
function data(rng: Rng, n: number, scales: number[], magnitude = 1, offset = 0) {
  const d = scales.length;
  const r = rotation(rng, d);
  const shift = Array.from({ length: d }, () => rng.gaussian() * offset);
  const values: number[] = [];
  for (let i = 0; i < n; i++) {
    const z = scales.map((s) => rng.gaussian() * s);
    for (let j = 0; j < d; j++) values.push((z.reduce((acc, zi, a) => acc + zi * r[a][j], 0) + shift[j]) * magnitude);
  }
  return tensorSpec(values, [n, d]);
}

function hidden(rng: Rng, name: string, n: number, scales: number[], k: number, iterations: number, magnitude = 1, offset = 2): CaseSpec {
  return { name, public: false, args: [data(rng, n, scales, magnitude, offset), k, rng.normal([scales.length]), iterations] };
}

function cases(rng: Rng): CaseSpec[] {
  const ex1 = [[1.5, 0.5], [-1.5, -0.5], [0.5, -1], [-0.5, 1]].flatMap(([a, b]) => [a + 10, b - 5]);
  const list: CaseSpec[] = [
    { name: 'example 1: 2-d, shifted', public: true, args: [tensorSpec(ex1, [4, 2]), 2, tensorSpec([1, 0], [2]), 50] },
    {
      name: 'example 2: 3-d, top 2',
      public: true,
      args: [tensorSpec([2, 0, 1, 0, 1, 0, -2, 0, -1, 0, -1, 0, 1, 1, 0, -1, -1, 0], [6, 3]), 2, tensorSpec([1, 1, 1], [3]), 100],
    },
    hidden(rng, 'hidden: 5-d, top 3', 120, [2, 1.2, 0.7, 0.3, 0.15], 3, 150),
    hidden(rng, 'hidden: k = 1', 60, [1.5, 0.8, 0.4], 1, 100),
    hidden(rng, 'hidden: k = d (all components)', 80, [1.6, 1, 0.6, 0.3], 4, 200),
    hidden(rng, 'hidden: large mean offset', 50, [1.5, 0.7, 0.3], 2, 100, 1, 50),
    hidden(rng, 'hidden: large magnitudes (unnormalised iteration overflows)', 60, [2, 1, 0.5], 2, 80, 1000),
    hidden(rng, 'hidden: small variances', 60, [0.4, 0.2, 0.1, 0.05], 3, 200, 1, 0.5),
    hidden(rng, 'hidden: high dimension, d = 12', 150, [3, 2, 1.3, 0.9, 0.6, 0.4, 0.3, 0.25, 0.2, 0.15, 0.1, 0.05], 4, 200),
    hidden(rng, 'hidden: few samples (n = d + 1)', 5, [2, 1, 0.5, 0.25], 2, 150),
  ];
  for (let i = 0; i < 3; i++) {
    const d = rng.int(2, 8);
    const scales = Array.from({ length: d }, (_, j) => 3 * Math.pow(0.6, j));
    list.push(hidden(rng, `hidden: random ${i + 1}`, rng.int(d + 20, 150), scales, rng.int(1, d), 200));
  }
  return list;
}

export default defineProblem({
  id: 'classic-ml/pca-power-iteration',
  entry: 'pcaPowerIteration',
  argNames: ['x', 'k', 'init', 'iterations'],
  reference: pcaPowerIteration,
  // [k, d] float32: one component per row.
  output: tensorOf('float32', (args) => [numberArg(args, 1), shapeOf(args, 0)[1]]),
  cases,
  mistakes: [
    {
      id: 'no-centering',
      title: 'data not centred before forming the covariance',
      explanation: 'PCA diagonalises the covariance of the centred data. Without subtracting the column means, XᵀX is dominated by the mean and the first "component" points at it.',
      diagnostic: 'mismatch',
    },
    {
      id: 'no-normalization',
      title: 'vector not renormalised inside the power iteration',
      explanation: 'Cᵗv grows like λ₁ᵗ and overflows to Infinity (or underflows to 0) within a few dozen steps; divide by ‖v‖ after every multiplication.',
      diagnostic: 'non-finite',
    },
    {
      id: 'deflation-without-eigenvalue',
      title: 'deflated with v vᵀ instead of λ v vᵀ',
      explanation: 'To remove the found direction, subtract λ v vᵀ with λ = vᵀCv. Subtracting v vᵀ only lowers its eigenvalue by 1, so a large first component comes back.',
      diagnostic: 'mismatch',
    },
    {
      id: 'no-deflation',
      title: 'no deflation: every component repeats the first',
      explanation: 'After finding a component, remove it from the covariance (C ← C − λ v vᵀ) before the next power iteration; otherwise the iteration converges to the same top eigenvector again.',
      diagnostic: 'mismatch',
    },
    {
      id: 'sign-not-fixed',
      title: 'sign convention not applied',
      explanation: 'v and −v are the same principal direction. This problem fixes the sign so that the entry with the largest magnitude is positive.',
      diagnostic: 'mismatch',
    },
  ],
});
