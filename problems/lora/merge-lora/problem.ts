import { defineProblem, type CaseSpec } from '../../../src/judge/problem';
import { shapeOf, tensorOf } from '../../../src/judge/contract';
import { tensorSpec, type TensorSpec } from '../../../src/judge/inputs';
import { compareValues, formatNumber, type Plain } from '../../../src/judge/compare';
import { Rng } from '../../../src/judge/rng';
import type { Diagnostic, Tolerance } from '../../../src/shared/protocol';
import { mergeLora } from './reference';

function adapter(rng: Rng, dIn: number, dOut: number, r: number, alpha: number, scale = 1) {
  // b is non-zero (a trained adapter), otherwise merging would be a no-op.
  return [rng.normal([dIn, dOut], scale), rng.normal([dIn, r], 0.5 * scale), rng.normal([r, dOut], 0.5 * scale), alpha];
}

function cases(rng: Rng): CaseSpec[] {
  const list: CaseSpec[] = [
    {
      name: 'example 1: dIn = 3, dOut = 2, r = 2, alpha = 6',
      public: true,
      args: [
        tensorSpec([1, 0, 0, 1, 2, -1], [3, 2]),
        tensorSpec([2, 0, 0, 1, -2, 4], [3, 2]),
        tensorSpec([1, 3, -1, 2], [2, 2]),
        6,
      ],
    },
    {
      name: 'example 2: dIn = dOut = 2, r = 2, alpha = 4',
      public: true,
      args: [tensorSpec([1, 2, 3, 4], [2, 2]), tensorSpec([1, 0, 1, 1], [2, 2]), tensorSpec([0.5, 0, 0, -1], [2, 2]), 4],
    },
    { name: 'hidden: square 8×8, r = 4, alpha = 16', public: false, args: adapter(rng, 8, 8, 4, 16) },
    { name: 'hidden: tall 16×8, r = 2, alpha = 4', public: false, args: adapter(rng, 16, 8, 2, 4) },
    { name: 'hidden: wide 4×12, r = 3, alpha = 7', public: false, args: adapter(rng, 4, 12, 3, 7) },
    { name: 'hidden: rank 1', public: false, args: adapter(rng, 6, 5, 1, 2) },
    { name: 'hidden: alpha < r', public: false, args: adapter(rng, 10, 6, 8, 1) },
    { name: 'hidden: alpha = r (scale 1)', public: false, args: adapter(rng, 5, 7, 4, 4) },
    { name: 'hidden: dIn = 1', public: false, args: adapter(rng, 1, 6, 2, 3) },
    { name: 'hidden: dOut = 1', public: false, args: adapter(rng, 6, 1, 2, 5) },
    { name: 'hidden: full rank r = min(dIn, dOut)', public: false, args: adapter(rng, 5, 3, 3, 6) },
    { name: 'hidden: large-magnitude weights', public: false, args: adapter(rng, 8, 6, 4, 32, 50) },
    { name: 'hidden: fractional alpha', public: false, args: adapter(rng, 7, 9, 4, 2.5) },
  ];
  for (let i = 0; i < 3; i++) {
    const dIn = rng.int(2, 24);
    const dOut = rng.int(2, 24);
    const r = rng.int(1, Math.min(dIn, dOut));
    list.push({ name: `hidden: random shapes ${i + 1}`, public: false, args: adapter(rng, dIn, dOut, r, rng.pick([1, 8, 16, 0.5])) });
  }
  return list;
}

type Dense = { rows: number; cols: number; data: ArrayLike<number> };

function dense(spec: TensorSpec): Dense {
  return { rows: spec.shape[0], cols: spec.shape[1], data: spec.data };
}

/** x · m in float64, x given as rows of plain numbers. */
function rowTimes(x: number[], m: Dense): number[] {
  const out = new Array<number>(m.cols).fill(0);
  for (let i = 0; i < m.rows; i++) for (let j = 0; j < m.cols; j++) out[j] += x[i] * Number(m.data[i * m.cols + j]);
  return out;
}

/**
 * The merged layer must compute what the unmerged one did: for probe inputs x,
 * x · merged ≈ x · W + (α/r) · (x · A) · B, within the elementwise tolerance propagated through x.
 */
function forwardGap(got: Extract<Plain, { kind: 'tensor' }>, spec: CaseSpec, tolerance: Tolerance): Diagnostic | undefined {
  const [wSpec, aSpec, bSpec, alpha] = spec.args as [TensorSpec, TensorSpec, TensorSpec, number];
  const w = dense(wSpec);
  const a = dense(aSpec);
  const b = dense(bSpec);
  const merged: Dense = { rows: w.rows, cols: w.cols, data: got.data };
  const s = alpha / a.cols;
  // The true merged weight in float64, for the tolerance bound.
  const exact = new Float64Array(w.rows * w.cols);
  for (let i = 0; i < w.rows; i++) {
    for (let j = 0; j < w.cols; j++) {
      let delta = 0;
      for (let t = 0; t < a.cols; t++) delta += Number(a.data[i * a.cols + t]) * Number(b.data[t * b.cols + j]);
      exact[i * w.cols + j] = Number(w.data[i * w.cols + j]) + s * delta;
    }
  }
  const probe = new Rng(0x10ba);
  for (let k = 0; k < 3; k++) {
    const x = Array.from({ length: w.rows }, () => probe.gaussian());
    const viaMerged = rowTimes(x, merged);
    const base = rowTimes(x, w);
    const lora = rowTimes(rowTimes(x, a), b);
    for (let j = 0; j < w.cols; j++) {
      const unmerged = base[j] + s * lora[j];
      let bound = 1e-9;
      for (let i = 0; i < w.rows; i++) bound += Math.abs(x[i]) * (tolerance.atol + tolerance.rtol * Math.abs(exact[i * w.cols + j]));
      if (!(Math.abs(viaMerged[j] - unmerged) <= bound)) {
        return {
          kind: 'property',
          message: `The merged layer does not compute the same function: for probe input #${k + 1}, (x·merged)[${j}] = ${formatNumber(viaMerged[j])} but the unmerged adapter gives x·W + (α/r)·(x·A)·B = ${formatNumber(unmerged)}.`,
        };
      }
    }
  }
  return undefined;
}

function compare(expected: Plain, got: Plain, tolerance: Tolerance, spec: CaseSpec): Diagnostic | undefined {
  const diagnostic = compareValues(expected, got, tolerance);
  if (got.kind !== 'tensor' || (diagnostic && diagnostic.kind !== 'mismatch')) return diagnostic;
  const gap = forwardGap(got, spec, tolerance);
  if (diagnostic) return gap ? { ...diagnostic, message: `${diagnostic.message} ${gap.message}` } : diagnostic;
  return gap;
}

export default defineProblem({
  id: 'lora/merge-lora',
  entry: 'mergeLora',
  argNames: ['w', 'a', 'b', 'alpha'],
  reference: mergeLora,
  // [dIn, dOut] float32: w's shape.
  output: tensorOf('float32', (args) => shapeOf(args, 0)),
  cases,
  compare,
  mistakes: [
    {
      id: 'missing-scale',
      title: 'adapter merged without the alpha / r scale',
      explanation: 'The LoRA forward is x·W + (α/r)·x·A·B, so the merged weight is W + (α/r)·A·B. Adding A·B alone changes the layer unless α = r.',
      diagnostic: 'mismatch',
    },
    {
      id: 'scaled-by-alpha',
      title: 'adapter scaled by alpha instead of alpha / r',
      explanation: 'The scale is α divided by the rank r (a.shape[1]); multiplying by α alone over-weights the adapter r times.',
      diagnostic: 'mismatch',
    },
    {
      id: 'scale-inverted',
      title: 'adapter scaled by r / alpha',
      explanation: 'The scale is α / r, not r / α.',
      diagnostic: 'mismatch',
    },
    {
      id: 'rank-from-wrong-axis',
      title: 'rank read from the wrong axis of a',
      explanation: 'a has shape [dIn, r]: the rank is a.shape[1] (= b.shape[0]). a.shape[0] is the input width.',
      diagnostic: 'mismatch',
    },
    {
      id: 'delta-transposed',
      title: 'low-rank update added transposed (b·a order / PyTorch layout)',
      explanation: 'Here W is stored [dIn, dOut] (y = x·W), so the update is A·B with A: [dIn, r], B: [r, dOut]. bᵀ·aᵀ = (A·B)ᵀ is the PyTorch [out, in] layout; it only fits square weights (elsewhere matMul throws) and is wrong there.',
      diagnostic: 'runtime-error',
    },
    {
      id: 'merged-transposed',
      title: 'merged into Wᵀ instead of W',
      explanation: 'Return the merged weight in the same [dIn, dOut] layout as w; transposing it into the nn.Linear [out, in] layout gives a [dOut, dIn] matrix (and wrong values when dIn = dOut).',
      diagnostic: 'shape',
    },
    {
      id: 'delta-only',
      title: 'returned only the update, without the base weight',
      explanation: 'Merging means W + (α/r)·A·B: the frozen base weight stays in the result.',
      diagnostic: 'mismatch',
    },
    {
      id: 'rslora-sqrt-scale',
      title: 'update scaled by alpha / √r (rsLoRA) instead of alpha / r',
      explanation: "This adapter uses plain LoRA scaling, so the merge is W' = W + (alpha / r)·A·B; alpha / √r is the rank-stabilized variant and gives a different layer.",
      diagnostic: 'mismatch',
    },
    {
      id: 'subtracts-update',
      title: 'update subtracted from W (that unmerges the adapter)',
      explanation: "The adapted layer computes xW + (alpha / r)(xA)B, so the merged weight adds the update: W' = W + (alpha / r)·A·B. W − (alpha / r)·A·B is how an adapter is removed again.",
      diagnostic: 'mismatch',
    },
    {
      id: 'rank-from-b-last-axis',
      title: 'rank read from b.shape[1] (that is dOut)',
      explanation: 'b is [r, dOut], so its last axis is the output width. The rank is the bottleneck width a.shape[1] = b.shape[0].',
      diagnostic: 'mismatch',
    },
    {
      id: 'scaled-whole-sum',
      title: 'alpha / r applied to W as well as to the update',
      explanation: "Only the adapter is scaled: W' = W + (alpha / r)·A·B. (W + A·B)·alpha / r rescales the frozen base weight too.",
      diagnostic: 'mismatch',
    },
    {
      id: 'returns-base-unchanged',
      title: 'W returned unchanged (the result of add was discarded)',
      explanation: 'TensorFlow.js ops never modify a tensor in place: w.add(delta) returns a new tensor, and that sum W + (alpha / r)·A·B is what must be returned.',
      diagnostic: 'mismatch',
    },
    {
      id: 'scale-floor-division',
      title: 'alpha / r rounded down to an integer (Python alpha // r)',
      explanation: 'The LoRA scale is the real ratio alpha / r: with alpha = 1, r = 8 it is 0.125, not 0. Math.floor (or porting Python’s //) throws away the fraction and can zero the adapter.',
      diagnostic: 'mismatch',
    },
    {
      id: 'scale-alpha-times-r',
      title: 'update scaled by alpha · r instead of alpha / r',
      explanation: 'The scale is alpha divided by the rank, s = alpha / r, so a larger rank gives each direction a smaller weight; multiplying by r makes the update r² times too large.',
      diagnostic: 'mismatch',
    },
    {
      id: 'scale-on-both-factors',
      title: 'alpha / r applied twice (to both factors), i.e. (alpha / r)² overall',
      explanation: 'The product a·b is scaled once: (alpha / r)·a·b. Scaling a and b (or x·a and the result) separately multiplies the update by (alpha / r)².',
      diagnostic: 'mismatch',
    },
  ],
});
