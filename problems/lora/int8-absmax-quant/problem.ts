import { defineProblem, type CaseSpec } from '../../../src/judge/problem';
import { objectOf, shapeOf, tensorOf } from '../../../src/judge/contract';
import { tensorSpec, type TensorSpec } from '../../../src/judge/inputs';
import { compareValues, formatNumber, unravel, type Plain } from '../../../src/judge/compare';
import type { Rng } from '../../../src/judge/rng';
import type { Diagnostic, Tolerance } from '../../../src/shared/protocol';
import { quantizeInt8 } from './reference';

/** A weight matrix with some all-negative-dominated rows (|min| > max) mixed in by construction. */
function weights(rng: Rng, rows: number, cols: number, scale = 1): TensorSpec {
  return rng.normal([rows, cols], scale);
}

function withOutliers(rng: Rng, rows: number, cols: number): TensorSpec {
  const spec = rng.normal([rows, cols], 0.1);
  for (let i = 0; i < rows; i++) spec.data[i * cols + rng.int(0, cols - 1)] = (rng.next() < 0.5 ? -1 : 1) * rng.uniform([1], 5, 20).data[0];
  return spec;
}

function withZeroRows(rng: Rng, rows: number, cols: number, zeroRows: number[]): TensorSpec {
  const spec = rng.normal([rows, cols]);
  for (const i of zeroRows) for (let j = 0; j < cols; j++) spec.data[i * cols + j] = 0;
  return spec;
}

function cases(rng: Rng): CaseSpec[] {
  const list: CaseSpec[] = [
    { name: 'example 1: 2×3', public: true, args: [tensorSpec([0.31, -1.27, 0.526, 2.54, 1.013, -0.3], [2, 3])] },
    { name: 'example 2: an all-zero row', public: true, args: [tensorSpec([0, 0, -0.5, 0.2], [2, 2])] },
    { name: 'hidden: 8×16', public: false, args: [weights(rng, 8, 16)] },
    { name: 'hidden: one row', public: false, args: [weights(rng, 1, 32)] },
    { name: 'hidden: one column', public: false, args: [weights(rng, 12, 1)] },
    { name: 'hidden: tall 40×6', public: false, args: [weights(rng, 40, 6)] },
    { name: 'hidden: outlier per row', public: false, args: [withOutliers(rng, 10, 24)] },
    { name: 'hidden: rows of very different magnitude', public: false, args: [tensorSpec(Array.from(weights(rng, 6, 10).data, (v, k) => v * 10 ** (Math.floor(k / 10) - 2)), [6, 10])] },
    { name: 'hidden: large magnitudes', public: false, args: [weights(rng, 7, 9, 500)] },
    { name: 'hidden: small magnitudes', public: false, args: [weights(rng, 5, 8, 0.02)] },
    { name: 'hidden: zero rows among others', public: false, args: [withZeroRows(rng, 6, 7, [0, 4])] },
    { name: 'hidden: 1×1', public: false, args: [tensorSpec([-3.7], [1, 1])] },
  ];
  for (let i = 0; i < 3; i++) {
    list.push({ name: `hidden: random shape ${i + 1}`, public: false, args: [weights(rng, rng.int(1, 32), rng.int(2, 48), rng.pick([0.05, 1, 3]))] });
  }
  return list;
}

type TensorPlain = Extract<Plain, { kind: 'tensor' }>;

/**
 * Checks, in order: the three tensors exist with the right shapes and q is int32; the scale (any
 * positive finite scale is fine for an all-zero row); q is integer in [-127, 127] and equals
 * round(w / scale) (a value within 1e-3 of a .5 tie may round either way); dequantized = q · scale;
 * and the error bound |w − dequantized| ≤ scale / 2.
 */
function compare(expected: Plain, got: Plain, tolerance: Tolerance, spec: CaseSpec): Diagnostic | undefined {
  if (expected.kind !== 'object') return compareValues(expected, got, tolerance);
  if (got.kind !== 'object') return compareValues(expected, got, tolerance);
  const keys = ['q', 'scale', 'dequantized'] as const;
  for (const key of keys) {
    const g = got.entries[key];
    if (!g) return { kind: 'not-a-tensor', path: `.${key}`, message: `Missing key "${key}" in the returned object { q, scale, dequantized }.` };
    const structural = compareValues(expected.entries[key], g, tolerance, `.${key}`);
    if (structural && (structural.kind === 'not-a-tensor' || structural.kind === 'shape')) return structural;
  }
  const E = expected.entries as Record<(typeof keys)[number], TensorPlain>;
  const G = got.entries as Record<(typeof keys)[number], TensorPlain>;
  if (G.q.dtype !== 'int32') {
    return { kind: 'dtype', path: '.q', message: `Wrong dtype at .q: expected int32, got ${G.q.dtype}. Cast the rounded values with .cast('int32').`, expectedDtype: 'int32', gotDtype: G.q.dtype };
  }

  const w = (spec.args[0] as TensorSpec).data;
  const [rows, cols] = (spec.args[0] as TensorSpec).shape;
  const rowIsZero = Array.from({ length: rows }, (_, i) => Array.from({ length: cols }, (_, j) => w[i * cols + j]).every((v) => v === 0));

  // Scale: exact rule for ordinary rows; an all-zero row only needs a usable (positive, finite) scale.
  const scale = Float32Array.from(G.scale.data as ArrayLike<number>);
  for (let i = 0; i < rows; i++) {
    if (!rowIsZero[i]) continue;
    if (!(Number.isFinite(scale[i]) && scale[i] > 0)) {
      return {
        kind: 'property',
        path: '.scale',
        message: `Row ${i} is all zeros and its scale is ${String(scale[i])}: w / scale is then 0/0. Give an all-zero row a positive scale (e.g. 1) so q and dequantized are 0 there.`,
      };
    }
    scale[i] = Number(E.scale.data[i]);
  }
  const scaleDiagnostic = compareValues(E.scale, { ...G.scale, data: scale }, tolerance, '.scale');
  if (scaleDiagnostic) return scaleDiagnostic;
  const gotScale = Array.from(G.scale.data as ArrayLike<number>, Number);

  // q: integers in range, equal to the reference except at genuine rounding ties.
  const q = Int32Array.from(G.q.data as ArrayLike<number>);
  for (let k = 0; k < q.length; k++) {
    if (q[k] < -127 || q[k] > 127) {
      return { kind: 'property', path: '.q', message: `q[${unravel(k, [rows, cols]).join(', ')}] = ${q[k]} is outside [-127, 127]; symmetric int8 never uses -128.` };
    }
    const ratio = Number(w[k]) / gotScale[Math.floor(k / cols)];
    const frac = Math.abs(ratio) - Math.floor(Math.abs(ratio));
    if (Math.abs(q[k] - Number(E.q.data[k])) === 1 && Math.abs(frac - 0.5) < 1e-3) q[k] = Number(E.q.data[k]);
  }
  const qDiagnostic = compareValues(E.q, { ...G.q, data: q }, tolerance, '.q');
  if (qDiagnostic) return qDiagnostic;

  // dequantized = q · scale, and the quantization error bound.
  const deq = G.dequantized.data;
  for (let k = 0; k < deq.length; k++) {
    const s = gotScale[Math.floor(k / cols)];
    const want = Number(G.q.data[k]) * s;
    const d = Number(deq[k]);
    if (!Number.isFinite(d)) {
      return { kind: 'non-finite', path: '.dequantized', message: `dequantized[${unravel(k, [rows, cols]).join(', ')}] is ${String(d)}.` };
    }
    if (!(Math.abs(d - want) <= tolerance.atol + tolerance.rtol * Math.abs(want))) {
      return {
        kind: 'mismatch',
        path: '.dequantized',
        message: `dequantized must be q · scale: at [${unravel(k, [rows, cols]).join(', ')}], q · scale = ${formatNumber(want)} but dequantized = ${formatNumber(d)}.`,
      };
    }
    const err = Math.abs(Number(w[k]) - d);
    if (!(err <= s / 2 + tolerance.atol + tolerance.rtol * Math.abs(Number(w[k])))) {
      return {
        kind: 'property',
        path: '.dequantized',
        message: `Quantization error too large at [${unravel(k, [rows, cols]).join(', ')}]: |w − dequantized| = ${formatNumber(err)} > scale / 2 = ${formatNumber(s / 2)}.`,
      };
    }
  }
  return undefined;
}

export default defineProblem({
  id: 'lora/int8-absmax-quant',
  entry: 'quantizeInt8',
  argNames: ['w'],
  reference: quantizeInt8,
  // { q: [rows, cols] int32, scale: [rows, 1] float32, dequantized: [rows, cols] float32 }.
  output: objectOf({
    q: tensorOf('int32', (args) => shapeOf(args, 0)),
    scale: tensorOf('float32', (args) => [shapeOf(args, 0)[0], 1]),
    dequantized: tensorOf('float32', (args) => shapeOf(args, 0)),
  }),
  cases,
  compare,
  mistakes: [
    {
      id: 'scale-over-255',
      title: 'scale = absmax / 255',
      explanation: 'Symmetric int8 maps [-absmax, absmax] onto [-127, 127], so scale = absmax / 127. Dividing by 255 (the unsigned range) halves the scale and saturates half the values.',
      diagnostic: 'mismatch',
    },
    {
      id: 'floor-not-round',
      title: 'floor instead of round',
      explanation: 'Use round(w / scale): floor biases every value downwards and breaks the |w − dequantized| ≤ scale / 2 bound.',
      diagnostic: 'mismatch',
    },
    {
      id: 'truncated-by-cast',
      title: 'cast to int32 without rounding (truncation toward zero)',
      explanation:
        "cast('int32') drops the fraction (52.6 becomes 52, −14.7 becomes −14), so up to a whole step is lost and the |w − dequantized| ≤ scale / 2 bound breaks. Round first: w.div(scale).round(), then clip and cast.",
      diagnostic: 'mismatch',
    },
    {
      id: 'truncated-by-math-trunc',
      title: 'Math.trunc instead of Math.round (truncation toward zero)',
      explanation:
        'Math.trunc (or | 0) drops the fraction: 52.6 becomes 52, −14.7 becomes −14, and even the absmax element can come out as 126 when w / scale lands a hair below 127. Up to a whole step is lost and the |w − dequantized| ≤ scale / 2 bound breaks. Use Math.round(w / scale), then clip to [−127, 127].',
      diagnostic: 'mismatch',
    },
    {
      id: 'truncated-times-127-over-absmax',
      title: 'Math.trunc(w · 127 / absmax): truncation toward zero instead of rounding',
      explanation:
        'Scaling by 127 / absmax is right, but Math.trunc (or | 0) drops the fraction: 52.6 becomes 52, −14.7 becomes −14, so up to a whole step is lost and the |w − dequantized| ≤ scale / 2 bound breaks. Use Math.round, then clip to [−127, 127].',
      diagnostic: 'mismatch',
    },
    {
      id: 'asymmetric-range',
      title: 'asymmetric range [-128, 127] with scale = absmax / 128',
      explanation: 'With absmax / 128 the largest positive value needs 128 and is clipped to 127. Symmetric absmax quantization uses [-127, 127] and absmax / 127.',
      diagnostic: 'mismatch',
    },
    {
      id: 'absmax-wrong-axis',
      title: 'absmax taken over the wrong axis (per column)',
      explanation: 'One scale per row: reduce |w| over axis 1 (the columns) with keepDims, giving scale of shape [rows, 1].',
      diagnostic: 'shape',
    },
    {
      id: 'per-tensor-scale',
      title: 'one scale for the whole tensor',
      explanation: 'This problem quantizes per row: each row gets its own absmax / 127, shape [rows, 1]. A single per-tensor scale lets one outlier row crush the precision of all others.',
      diagnostic: 'shape',
    },
    {
      id: 'q-not-int32',
      title: 'q returned as float32',
      explanation: 'The quantized values are integers: return q with .cast(\'int32\') (and cast back to float32 to dequantize).',
      diagnostic: 'dtype',
    },
    {
      id: 'max-not-abs',
      title: 'max(w) instead of max(|w|)',
      explanation: 'The range is the largest magnitude: a row whose most extreme value is negative needs max(|w|), or its negative values saturate.',
      diagnostic: 'mismatch',
    },
    {
      id: 'no-zero-row-guard',
      title: 'all-zero row gives scale 0 and 0/0',
      explanation: 'absmax is 0 for an all-zero row, so scale = 0 and w / scale is NaN. Use a positive scale (e.g. 1) where absmax is 0.',
      diagnostic: 'property',
    },
    {
      id: 'per-tensor-scale-broadcast',
      title: 'one absmax for the whole matrix, copied to every row',
      explanation: 'Each row (output channel) gets its own scale s_i = max_j |W_ij| / 127. A single tensor-wide absmax wastes most of the int8 range on rows with small weights.',
      diagnostic: 'mismatch',
    },
    {
      id: 'multiplies-by-scale',
      title: 'q = round(w · scale) instead of round(w / scale)',
      explanation: "s_i is the size of one quantization step, so the integer code is w / s_i (which reaches ±127 at the row's absmax); multiplying by s_i shrinks everything toward 0.",
      diagnostic: 'mismatch',
    },
    {
      id: 'dequantized-divides',
      title: 'dequantized = q / scale instead of q · scale',
      explanation: 'Dequantization undoes w / s: Ŵ = q · s, which lands within s / 2 of w. Dividing again scales the codes the wrong way.',
      diagnostic: 'mismatch',
    },
    {
      id: 'scale-is-absmax',
      title: 'scale = absmax (the division by 127 is missing)',
      explanation: "The 255 levels of [−127, 127] split the row's range, so each step is s_i = absmax_i / 127; with s = absmax, q is only −1, 0 or 1.",
      diagnostic: 'mismatch',
    },
    {
      id: 'inverse-scale-returned',
      title: 'returned scale is the inverse, 127 / absmax',
      explanation: 'scale must be the step size s_i = absmax_i / 127, the factor that maps q back to w (Ŵ = q · s). 127 / absmax is its reciprocal, the quantizing multiplier.',
      diagnostic: 'mismatch',
    },
    {
      id: 'dequantized-unrounded',
      title: 'dequantized built from the unrounded w / scale instead of q',
      explanation: 'Dequantization is q · s with the rounded, clipped integer codes; multiplying the unrounded w / s back by s just returns w and hides the quantization error.',
      diagnostic: 'mismatch',
    },
    {
      id: 'max-not-abs-negative-scale',
      title: 'max(w) instead of max(|w|), giving all-negative rows a negative scale',
      explanation: 'The scale is the largest magnitude over 127, always positive: use max(|w|). The signed max is negative on a row of negative weights, which flips the sign of every code, and too small on rows whose extreme value is negative.',
      diagnostic: 'mismatch',
    },
    {
      id: 'no-zero-row-guard-nan',
      title: 'all-zero row gives scale 0, so its q and dequantized are 0/0 = NaN',
      explanation: 'absmax is 0 for an all-zero row, so scale = 0 and w / scale is NaN (NaN · 0 is still NaN in dequantized). Give such a row a positive scale (e.g. 1) so its codes and dequantized values are 0.',
      diagnostic: 'property',
    },
    {
      id: 'min-max-range-over-255',
      title: 'scale = (max − min) / 255, the affine (zero-point) step',
      explanation: 'Symmetric absmax quantization has no zero point: s_i = max_j |W_ij| / 127 so that ±absmax maps to ±127. The min–max step over 255 levels belongs to asymmetric quantization with an offset and is the wrong size here.',
      diagnostic: 'mismatch',
    },
  ],
});
