import { defineProblem, type CaseSpec } from '../../../src/judge/problem';
import { objectOf, shapeOf, tensorOf } from '../../../src/judge/contract';
import { tensorSpec, type TensorSpec } from '../../../src/judge/inputs';
import type { Rng } from '../../../src/judge/rng';
import { int8Matmul } from './reference';

const MARGIN = 1e-3;
const f = Math.fround;
const nearHalf = (v: number) => Math.abs(Math.abs(v - Math.trunc(v)) - 0.5) < MARGIN;

function outlierColumns(x: TensorSpec, threshold: number): boolean[] {
  const [n, d] = x.shape;
  return Array.from({ length: d }, (_, j) => Array.from({ length: n }, (_, i) => Math.abs(x.data[i * d + j])).some((v) => v > threshold));
}

/**
 * Groups of entries quantized together (x: one row over the regular columns; w: one column over
 * the regular rows). Nudges every entry whose v / scale is within MARGIN of a .5 tie towards 0,
 * so float32 and float64 arithmetic round it the same way.
 */
function clearGroup(data: Float32Array, idx: number[]): void {
  for (let iter = 0; iter < 200; iter++) {
    const absmax = Math.max(0, ...idx.map((k) => Math.abs(data[k])));
    if (absmax === 0) return;
    const s = f(absmax / 127);
    const bad = idx.find((k) => Math.abs(data[k]) !== absmax && nearHalf(data[k] / s));
    if (bad === undefined) return;
    data[bad] = f(data[bad] * 0.999);
  }
  throw new Error('llm-int8: could not clear a rounding tie');
}

function prepare(x: TensorSpec, w: TensorSpec, threshold: number): [TensorSpec, TensorSpec] {
  const [n, d] = x.shape;
  const m = w.shape[1];
  if (w.shape[0] !== d) throw new Error('llm-int8: inner dimensions differ');
  const out = outlierColumns(x, threshold);
  const regular = Array.from({ length: d }, (_, j) => j).filter((j) => !out[j]);
  for (let i = 0; i < n; i++) clearGroup(x.data as Float32Array, regular.map((j) => i * d + j));
  for (let k = 0; k < m; k++) clearGroup(w.data as Float32Array, regular.map((j) => j * m + k));
  // Properties: outliers unchanged by the nudging, and no |x| just around the threshold unless exactly on it.
  const after = outlierColumns(x, threshold);
  if (after.some((o, j) => o !== out[j])) throw new Error('llm-int8: nudging changed the outlier set');
  for (const v of x.data) {
    const a = Math.abs(v);
    if (a !== threshold && Math.abs(a - threshold) < 1e-4) throw new Error('llm-int8: a value within 1e-4 of the threshold');
  }
  return [x, w];
}

function mm(name: string, x: TensorSpec, w: TensorSpec, threshold: number, isPublic = false): CaseSpec {
  const before = [...x.data, ...w.data].join();
  const [xs, ws] = prepare(x, w, threshold);
  if (isPublic && [...xs.data, ...ws.data].join() !== before) throw new Error('llm-int8: a public example needed nudging');
  return { name, public: isPublic, args: [xs, ws, threshold] };
}

/** Activations with a few emergent outlier feature columns (magnitude 10–60, either sign, in a few rows). */
function activations(rng: Rng, n: number, d: number, outlierCols: number[], scale = 1): TensorSpec {
  const x = rng.normal([n, d], scale);
  for (const j of outlierCols) {
    const rows = Math.max(1, Math.floor(n / 3));
    for (let r = 0; r < rows; r++) x.data[rng.int(0, n - 1) * d + j] = f((rng.next() < 0.5 ? -1 : 1) * (10 + 50 * rng.next()));
  }
  return x;
}

function cases(rng: Rng): CaseSpec[] {
  const list: CaseSpec[] = [
    mm(
      'example 1: one outlier column, threshold 6',
      tensorSpec([1, 8, -0.3, 2, -1, 0.7], [2, 3]),
      tensorSpec([0.5, -1, 1, 2, 0.2, 0.6], [3, 2]),
      6,
      true,
    ),
    mm(
      'example 2: |x| = threshold is not an outlier, a negative outlier, a row that is zero outside it',
      tensorSpec([6, -7, 1, -6, 0.5, 2, 0, -9, 0], [3, 3]),
      tensorSpec([1, -2, 0.5, 3, -1, 0.25], [3, 2]),
      6,
      true,
    ),
  ];
  list.push(mm('hidden: no outliers (plain vector-wise int8)', rng.normal([5, 8]), rng.normal([8, 6], 0.1), 6));
  list.push(mm('hidden: every column is an outlier (pure float32)', activations(rng, 4, 5, [0, 1, 2, 3, 4]), rng.normal([5, 3], 0.1), 6));
  list.push(mm('hidden: realistic: 16×64 @ 64×32 with 3 outlier features', activations(rng, 16, 64, [5, 17, 40]), rng.normal([64, 32], 0.05), 6));
  {
    const x = rng.normal([6, 10]);
    for (const j of [2, 7]) x.data[rng.int(0, 5) * 10 + j] = -f(20 + 10 * rng.next());
    list.push(mm('hidden: negative outliers only', x, rng.normal([10, 4], 0.2), 6));
  }
  {
    const x = rng.normal([5, 6]);
    x.data[1 * 6 + 2] = 6;
    x.data[3 * 6 + 4] = -6;
    x.data[0 * 6 + 5] = f(6.5);
    list.push(mm('hidden: entries exactly at ±threshold are not outliers', x, rng.normal([6, 3], 0.3), 6));
  }
  list.push(mm('hidden: batch 1', activations(rng, 1, 12, [3]), rng.normal([12, 5], 0.1), 6));
  list.push(mm('hidden: one output column', activations(rng, 6, 9, [0, 8]), rng.normal([9, 1], 0.1), 6));
  {
    const x = activations(rng, 5, 8, [1, 6]);
    for (let j = 0; j < 8; j++) if (j !== 1 && j !== 6) x.data[2 * 8 + j] = 0;
    x.data[2 * 8 + 1] = 25;
    list.push(mm('hidden: a row that is zero outside the outlier columns (xScale 1)', x, rng.normal([8, 4], 0.1), 6));
  }
  {
    const w = rng.normal([7, 5], 0.1);
    for (let j = 0; j < 7; j++) if (j !== 4) w.data[j * 5 + 3] = 0;
    list.push(mm('hidden: a weight column that is zero outside the outlier rows (wScale 1)', activations(rng, 4, 7, [4]), w, 6));
  }
  list.push(mm('hidden: lower threshold 3 (more outliers)', rng.normal([8, 16], 1.2), rng.normal([16, 8], 0.1), 3));
  list.push(mm('hidden: large-magnitude weights', activations(rng, 6, 10, [2]), rng.normal([10, 6], 50), 6));
  list.push(mm('hidden: tall weights 8×96 @ 96×4', activations(rng, 8, 96, [10, 11, 90]), rng.normal([96, 4], 0.05), 6));
  for (let i = 0; i < 2; i++) {
    const d = rng.int(4, 24);
    const cols = Array.from({ length: rng.int(0, 3) }, () => rng.int(0, d - 1));
    list.push(mm(`hidden: random shapes ${i + 1}`, activations(rng, rng.int(1, 10), d, cols, rng.pick([0.5, 1, 2])), rng.normal([d, rng.int(1, 10)], 0.2), 6));
  }
  return list;
}

export default defineProblem({
  id: 'lora/llm-int8',
  entry: 'int8Matmul',
  argNames: ['x', 'w', 'threshold'],
  reference: int8Matmul,
  // out [n, m] float32, outliers [d] int32 0/1, xScale [n, 1] float32, wScale [1, m] float32.
  output: objectOf({
    out: tensorOf('float32', (args) => [shapeOf(args, 0)[0], shapeOf(args, 1)[1]]),
    outliers: tensorOf('int32', (args) => [shapeOf(args, 0)[1]]),
    xScale: tensorOf('float32', (args) => [shapeOf(args, 0)[0], 1]),
    wScale: tensorOf('float32', (args) => [1, shapeOf(args, 1)[1]]),
  }),
  cases,
  mistakes: [
    {
      id: 'threshold-inclusive',
      title: '|x| ≥ threshold instead of |x| > threshold',
      explanation: 'A feature is an outlier only when some |x| is strictly greater than the threshold; a value exactly at the threshold stays in the int8 part.',
      diagnostic: 'mismatch',
    },
    {
      id: 'signed-threshold',
      title: 'outliers detected with x > threshold (negative outliers missed)',
      explanation: 'Outliers are about magnitude: −40 is as harmful to an absmax scale as +40. Test |x| > threshold.',
      diagnostic: 'mismatch',
    },
    {
      id: 'tensor-wise-scales',
      title: 'one scale for all of x and one for all of w (tensor-wise)',
      explanation: 'LLM.int8() uses vector-wise quantization: each row of x gets absmax / 127 of that row, [n, 1], and each column of w its own, [1, m]. A single tensor-wide absmax wastes most of the int8 range on rows and columns with small values.',
      diagnostic: 'mismatch',
    },
    {
      id: 'scales-include-outliers',
      title: 'absmax computed over the outlier features too',
      explanation: 'The point of LLM.int8() is that outliers do not set the int8 scales: compute each row/column absmax over the regular features only (zero out the outlier columns of x and rows of w first). Otherwise one outlier of 60 crushes every ordinary value of the row into a handful of codes.',
      diagnostic: 'mismatch',
    },
    {
      id: 'outliers-counted-twice',
      title: 'outlier features in both the float and the int8 part',
      explanation: 'The two parts partition the inner dimension: outlier columns of x (and rows of w) go only into the float32 matmul, the rest only into the int8 one. Leaving them in the int8 part adds their contribution twice.',
      diagnostic: 'mismatch',
    },
    {
      id: 'no-rounding',
      title: 'codes never rounded to integers',
      explanation: 'Quantizing means round(x / scale) to an integer in [−127, 127]; without the round the int8 part is just float math and its quantization error is missing.',
      diagnostic: 'mismatch',
    },
    {
      id: 'missing-weight-scale',
      title: 'int8 product rescaled by the x scale only',
      explanation: 'acc[i, k] = Σ qx[i, j] · qw[j, k] carries both scales: multiply by xScale[i] and by wScale[k] to get back to float.',
      diagnostic: 'mismatch',
    },
    {
      id: 'scale-over-255',
      title: 'scale = absmax / 255',
      explanation: 'Symmetric int8 maps [−absmax, absmax] onto [−127, 127], so scale = absmax / 127; with 255 half the values saturate at ±127.',
      diagnostic: 'mismatch',
    },
    {
      id: 'no-zero-guard',
      title: 'all-zero row or column gives scale 0 and 0 / 0',
      explanation: 'A row of x that is zero outside the outlier features (or such a column of w) has absmax 0; dividing by a 0 scale gives NaN. Use scale 1 there, so its codes are 0.',
      diagnostic: 'non-finite',
    },
  ],
});
