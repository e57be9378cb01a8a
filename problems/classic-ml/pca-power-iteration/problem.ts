import { defineProblem, type CaseSpec } from '../../../src/judge/problem';
import { numberArg, shapeOf, tensorOf } from '../../../src/judge/contract';
import { tensorSpec, type TensorSpec } from '../../../src/judge/inputs';
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

/** The statement's algorithm in float64 on a case's (float32) inputs: the k components, row by row. */
function components(x: TensorSpec, k: number, init: TensorSpec, iterations: number): number[][] {
  const [n, d] = x.shape;
  const rows = Array.from({ length: n }, (_, i) => Array.from(x.data.subarray(i * d, (i + 1) * d)));
  const mean = Array.from({ length: d }, (_, j) => rows.reduce((s, r) => s + r[j], 0) / n);
  const xc = rows.map((r) => r.map((v, j) => v - mean[j]));
  const cov = Array.from({ length: d }, (_, a) => Array.from({ length: d }, (_, b) => xc.reduce((s, r) => s + r[a] * r[b], 0) / (n - 1)));
  const matVec = (v: number[]) => cov.map((row) => row.reduce((s, c, j) => s + c * v[j], 0));
  const unit = (v: number[]) => {
    const norm = Math.hypot(...v);
    return v.map((c) => c / norm);
  };
  const out: number[][] = [];
  for (let c = 0; c < k; c++) {
    let v = unit(Array.from(init.data));
    for (let it = 0; it < iterations; it++) v = unit(matVec(v));
    const big = v.reduce((best, val, j) => (Math.abs(val) > Math.abs(v[best]) ? j : best), 0);
    if (v[big] < 0) v = v.map((val) => -val);
    out.push(v);
    const lambda = matVec(v).reduce((s, val, j) => s + val * v[j], 0);
    for (let a = 0; a < d; a++) for (let b = 0; b < d; b++) cov[a][b] -= lambda * v[a] * v[b];
  }
  return out;
}

/** Smallest gap, over the components, between the largest and the second-largest |entry|. */
function signMargin(vectors: number[][]): number {
  return Math.min(
    ...vectors.map((v) => {
      const [first, second] = v.map(Math.abs).sort((a, b) => b - a);
      return first - (second ?? 0);
    }),
  );
}

/** The statement promises a well-defined sign: no near-tie for the largest-magnitude entry. */
const SIGN_MARGIN = 1e-3;

function hidden(rng: Rng, name: string, n: number, scales: number[], k: number, iterations: number, magnitude = 1, offset = 2): CaseSpec {
  for (let attempt = 0; attempt < 50; attempt++) {
    const x = data(rng, n, scales, magnitude, offset);
    const init = rng.normal([scales.length]);
    if (signMargin(components(x, k, init, iterations)) > SIGN_MARGIN) return { name, public: false, args: [x, k, init, iterations] };
  }
  throw new Error(`pca-power-iteration: no draw of "${name}" with a well-defined sign`);
}

/**
 * Two nearly equal top variances and few iterations: the vectors are far from converged, so the
 * answer is what exactly `iterations` steps give. Asserted: one step more or fewer moves some entry
 * by more than 0.01 (20× the tolerance), and the signs are well defined.
 */
function slowConvergence(rng: Rng): CaseSpec {
  const iterations = 8;
  for (let attempt = 0; attempt < 50; attempt++) {
    const x = data(rng, 80, [1.5, 1.45, 0.6, 0.3], 1, 2);
    const init = rng.normal([4]);
    const exact = components(x, 2, init, iterations);
    const gap = (other: number[][]) => Math.max(...other.flatMap((v, i) => v.map((val, j) => Math.abs(val - exact[i][j]))));
    const observable = gap(components(x, 2, init, iterations - 1)) > 0.01 && gap(components(x, 2, init, iterations + 1)) > 0.01;
    if (observable && signMargin(exact) > SIGN_MARGIN) {
      return { name: 'hidden: close top eigenvalues, not converged after the given iterations', public: false, args: [x, 2, init, iterations] };
    }
  }
  throw new Error('pca-power-iteration: no slow-convergence draw where the iteration count shows');
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
    slowConvergence(rng),
    // d = 1: the only component is ±1, and the sign rule makes it +1 even though init is negative.
    { name: 'hidden: d = 1, negative init', public: false, args: [data(rng, 20, [1.3], 1, 2), 1, tensorSpec([-0.7], [1]), 5] },
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
    {
      id: 'sign-by-first-entry',
      title: 'sign fixed by the first entry instead of the largest-magnitude entry',
      explanation: 'The convention here makes the entry with the largest |v_j| positive. Making v[0] positive is a different convention and disagrees whenever the first entry is negative but not the largest.',
      diagnostic: 'mismatch',
    },
    {
      id: 'runs-to-convergence',
      title: 'iterated to convergence instead of exactly `iterations` steps',
      explanation: 'The answer is defined as the vector after exactly `iterations` power steps. When the top eigenvalues are close, that vector is not yet converged, and iterating until it stops changing gives a different one.',
      diagnostic: 'mismatch',
    },
    {
      id: 'one-extra-power-step',
      title: 'one power step too many (started from C·init)',
      explanation: 'Start from v = init / ‖init‖ and apply v ← Cv / ‖Cv‖ exactly `iterations` times. Starting from C·init adds a step, which shows when convergence is slow.',
      diagnostic: 'mismatch',
    },
    {
      id: 'centre-row-means',
      title: 'centred by each sample\'s (row) mean instead of each feature\'s (column) mean',
      explanation: 'PCA centres every feature: subtract the column means μ_j = mean over samples (axis 0), not the mean of each row (axis 1).',
      diagnostic: 'mismatch',
    },
    {
      id: 'sign-by-signed-max',
      title: 'sign fixed by the largest signed entry (argMax) instead of the largest magnitude',
      explanation: 'The largest signed entry is negative only when every entry is, so a vector whose dominant entry is negative is not flipped. Take argMax of |v|, then flip if that entry is negative.',
      diagnostic: 'mismatch',
    },
    {
      id: 'one-power-step-short',
      title: 'one power step too few (loop from 1)',
      explanation: 'Run exactly `iterations` steps v ← Cv / ‖Cv‖ per component: for (let it = 0; it < iterations; it++).',
      diagnostic: 'mismatch',
    },
    {
      id: 'sign-by-sum',
      title: 'sign fixed by the sum of the entries instead of the largest-magnitude entry',
      explanation: 'The convention here flips v when its largest-magnitude entry is negative; the sign of the sum of entries can disagree with it.',
      diagnostic: 'mismatch',
    },
    {
      id: 'normalise-after-loop',
      title: 'vector normalised once after the loop instead of every step',
      explanation: 'Cᵗv grows (or shrinks) like λ₁ᵗ, so after many steps or with large covariances its entries (or their squares in the norm) overflow and the result is 0 or NaN; divide by ‖v‖ after every multiplication.',
      diagnostic: 'non-finite',
    },
    {
      id: 'orthogonalise-instead-of-deflate',
      title: 'earlier components projected out each step instead of deflating C',
      explanation: 'The answer is defined by deflation, C ← C − λ v vᵀ after each component. Gram–Schmidt against the earlier vectors agrees only when those are converged eigenvectors; with unconverged ones it gives different vectors.',
      diagnostic: 'mismatch',
    },
    {
      id: 'components-as-columns',
      title: 'components returned as columns ([d, k]) instead of rows ([k, d])',
      explanation: 'Row i of the result is the i-th component: stack the vectors as rows, without transposing.',
      diagnostic: 'mismatch',
    },
    {
      id: 'centre-global-mean',
      title: 'centred by one mean of all entries instead of each feature\'s mean',
      explanation: 'Centring subtracts each feature\'s (column\'s) own mean, x.mean(0); subtracting the single mean of all entries leaves the column means in the data and skews the covariance.',
      diagnostic: 'mismatch',
    },
  ],
});
