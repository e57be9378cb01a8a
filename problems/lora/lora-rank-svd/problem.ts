import { defineProblem, type CaseSpec } from '../../../src/judge/problem';
import { objectOf, plainNumber, shapeOf, tensorOf, type ContractArgs } from '../../../src/judge/contract';
import { tensorSpec, type TensorSpec } from '../../../src/judge/inputs';
import type { Rng } from '../../../src/judge/rng';
import { loraRankFromSvd } from './reference';

/** k orthonormal columns of length n (Gram–Schmidt on Gaussian vectors, float64), row-major [n, k]. */
function orthonormal(rng: Rng, n: number, k: number): number[][] {
  const cols: number[][] = [];
  while (cols.length < k) {
    const v = Array.from({ length: n }, () => rng.gaussian());
    for (const c of cols) {
      const dot = c.reduce((acc, ci, i) => acc + ci * v[i], 0);
      for (let i = 0; i < n; i++) v[i] -= dot * c[i];
    }
    const norm = Math.hypot(...v);
    if (norm > 1e-6) cols.push(v.map((x) => x / norm));
  }
  return Array.from({ length: n }, (_, i) => cols.map((c) => c[i]));
}

function energies(s: number[]): number[] {
  const f = Math.fround;
  const e = s.map((x) => f(x) * f(x));
  const total = e.reduce((a, b) => a + b, 0);
  let run = 0;
  return e.map((x) => (run += x) / total);
}

/**
 * A case from singular values: random orthonormal u [m, k] and v [n, k]. Promises: s descending
 * and positive, and every energy(r) either exactly equal to the threshold in float32 and float64
 * arithmetic (`exact`) or at least 1e-5 away from it.
 */
function svdCase(rng: Rng, name: string, m: number, n: number, s: number[], threshold: number, exact = false, isPublic = false): CaseSpec {
  const k = Math.min(m, n);
  if (s.length !== k) throw new Error('rank-svd: need min(m, n) singular values');
  if (s.some((x, i) => x <= 0 || (i > 0 && x > s[i - 1]))) throw new Error('rank-svd: singular values must be positive and descending');
  if (exact && !energies(s).includes(threshold)) throw new Error('rank-svd: the case promises an exact tie');
  for (const e of energies(s)) {
    if (e === threshold && exact) continue;
    if (Math.abs(e - threshold) < 1e-5) throw new Error(`rank-svd: energy ${e} too close to the threshold ${threshold}`);
  }
  const u = orthonormal(rng, m, k).flat();
  const v = orthonormal(rng, n, k).flat();
  return { name, public: isPublic, args: [tensorSpec(u, [m, k]), tensorSpec(s, [k]), tensorSpec(v, [n, k]), threshold] };
}

function decaying(rng: Rng, k: number, rate: number, scale = 1): number[] {
  return Array.from({ length: k }, (_, i) => scale * Math.exp(-rate * i) * (1 + 0.05 * rng.next())).sort((a, b) => b - a).map(Math.fround);
}

function cases(rng: Rng): CaseSpec[] {
  const list: CaseSpec[] = [
    {
      name: 'example 1: 3×2, s = [3, 1], threshold 0.85',
      public: true,
      args: [tensorSpec([1, 0, 0, 1, 0, 0], [3, 2]), tensorSpec([3, 1], [2]), tensorSpec([0, 1, 1, 0], [2, 2]), 0.85],
    },
    {
      name: 'example 2: u = v = I₅, energy exactly equal to the threshold (≥ keeps the smaller rank)',
      public: true,
      args: [tensorSpec(Array.from({ length: 25 }, (_, i) => (i % 6 === 0 ? 1 : 0)), [5, 5]), tensorSpec([2, 1, 1, 1, 1], [5]), tensorSpec(Array.from({ length: 25 }, (_, i) => (i % 6 === 0 ? 1 : 0)), [5, 5]), 0.75],
    },
  ];
  list.push(svdCase(rng, 'hidden: one dominant direction (rank 1)', 6, 5, [10, 0.5, 0.3, 0.2, 0.1], 0.9));
  list.push(svdCase(rng, 'hidden: decaying spectrum, threshold 0.9', 12, 10, decaying(rng, 10, 0.4), 0.9));
  list.push(svdCase(rng, 'hidden: decaying spectrum, threshold 0.99', 10, 12, decaying(rng, 10, 0.5, 3), 0.99));
  list.push(svdCase(rng, 'hidden: flat spectrum, exact tie at r = k / 2', 8, 8, new Array(8).fill(1), 0.5, true));
  list.push(svdCase(rng, 'hidden: threshold needs every direction (rank = k)', 4, 6, [1, 0.9, 0.8, 0.7], 0.95));
  list.push(svdCase(rng, 'hidden: exact power-of-two energies, tie at 7/8', 7, 5, [2, 1, 1, 1, 1], 0.875, true));
  list.push(svdCase(rng, 'hidden: tall 24×3', 24, 3, [5, 2, 1], 0.8));
  list.push(svdCase(rng, 'hidden: wide 3×24', 3, 24, [4, 3, 0.5], 0.6));
  list.push(svdCase(rng, 'hidden: a single singular value (k = 1)', 1, 7, [2.5], 0.5));
  list.push(svdCase(rng, 'hidden: realistic 64×32 update, threshold 0.9', 64, 32, decaying(rng, 32, 0.15, 2), 0.9));
  list.push(svdCase(rng, 'hidden: large singular values', 8, 6, decaying(rng, 6, 0.6, 500), 0.95));
  list.push(svdCase(rng, 'hidden: small singular values', 6, 8, decaying(rng, 6, 0.3, 1e-3), 0.7));
  for (let i = 0; i < 2; i++) {
    const m = rng.int(2, 16);
    const n = rng.int(2, 16);
    const s = decaying(rng, Math.min(m, n), rng.pick([0.2, 0.5, 1]), rng.pick([0.1, 1, 10]));
    const threshold = rng.pick([0.5, 0.8, 0.9, 0.95]);
    list.push(svdCase(rng, `hidden: random ${i + 1}`, m, n, s, threshold));
  }
  return list;
}

/** The rank the statement promises, for the output shapes. */
function rankOf(args: ContractArgs): number {
  const s = Array.from((args[1] as TensorSpec).data);
  const threshold = args[3] as number;
  const e = s.map((x) => x * x);
  const total = e.reduce((a, b) => a + b, 0);
  let r = 0;
  let run = 0;
  while (r < s.length && run / total < threshold) run += e[r++];
  return r;
}

export default defineProblem({
  id: 'lora/lora-rank-svd',
  entry: 'loraRankFromSvd',
  argNames: ['u', 's', 'v', 'threshold'],
  reference: loraRankFromSvd,
  // { rank: integer, energy: number, b: [m, rank], a: [rank, n] float32 }.
  output: objectOf({
    rank: plainNumber({ integer: true }),
    energy: plainNumber(),
    b: tensorOf('float32', (args) => [shapeOf(args, 0)[0], rankOf(args)]),
    a: tensorOf('float32', (args) => [rankOf(args), shapeOf(args, 2)[0]]),
  }),
  cases,
  mistakes: [
    {
      id: 'energy-not-squared',
      title: 'energy measured with s instead of s²',
      explanation: 'The energy a rank-r approximation keeps is Σ_{i≤r} s_i² / Σ s_i² (the squared Frobenius norm; Eckart–Young). Summing the singular values themselves under-weights the top directions and picks a larger rank.',
      diagnostic: 'mismatch',
    },
    {
      id: 'rank-off-by-one',
      title: 'rank one too small (the 0-based index used as the rank)',
      explanation: 'If the cumulative energy first reaches the threshold at index i (0-based), i + 1 directions are needed: rank = i + 1.',
      diagnostic: 'mismatch',
    },
    {
      id: 'strict-threshold',
      title: 'energy > threshold instead of ≥',
      explanation: 'The rank is the smallest r with energy(r) ≥ threshold. When energy(r) equals the threshold exactly, r is already enough; a strict comparison takes one more direction.',
      diagnostic: 'mismatch',
    },
    {
      id: 'unbalanced-split',
      title: 'all of diag(s) put into b (b = u_r·s_r, a = v_rᵀ)',
      explanation: 'b · a is the same, but the statement splits the singular values evenly: b = u_r·diag(√s_r), a = diag(√s_r)·v_rᵀ, so both factors have the same scale (what you want before training them further).',
      diagnostic: 'mismatch',
    },
    {
      id: 'missing-sqrt',
      title: 'diag(s) on both factors instead of diag(√s)',
      explanation: 'Each factor carries the square root of the singular values; with s on both sides b · a = u·diag(s²)·vᵀ, which is not the update.',
      diagnostic: 'mismatch',
    },
    {
      id: 'a-not-transposed',
      title: 'a returned as v_r·diag(√s) of shape [n, r]',
      explanation: 'delta ≈ b · a with b: [m, r] and a: [r, n], so a = diag(√s_r)·v_rᵀ — transpose the [n, r] slice of v.',
      diagnostic: 'shape',
    },
  ],
});
