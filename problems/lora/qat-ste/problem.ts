import { defineProblem, type CaseSpec } from '../../../src/judge/problem';
import { objectOf, plainNumber, shapeOf, tensorOf } from '../../../src/judge/contract';
import { tensorSpec, type TensorSpec } from '../../../src/judge/inputs';
import type { Rng } from '../../../src/judge/rng';
import { fakeQuantSTE } from './reference';

const MARGIN = 1e-3;
const nearHalf = (v: number) => Math.abs(Math.abs(v - Math.trunc(v)) - 0.5) < MARGIN;

function quantile(sorted: number[], q: number): number {
  const pos = q * (sorted.length - 1);
  const i = Math.floor(pos);
  return i + 1 < sorted.length ? sorted[i] + (pos - i) * (sorted[i + 1] - sorted[i]) : sorted[i];
}

function range(calibration: TensorSpec, method: string, p: number): [number, number] {
  const s = Array.from(calibration.data).sort((a, b) => a - b);
  return method === 'minmax' ? [s[0], s[s.length - 1]] : [quantile(s, 1 - p / 100), quantile(s, p / 100)];
}

/**
 * Moves any x whose (x − lo) / scale is within MARGIN of a .5 rounding tie (float32 and float64
 * could round it differently) by a small step, and asserts that no x lies within 1e-4 of a clip
 * bound unless exactly on it.
 */
function clearOfTies(x: TensorSpec, calibration: TensorSpec, bits: number, method: string, p: number): TensorSpec {
  const [lo, hi] = range(calibration, method, p);
  const scale = hi > lo ? (hi - lo) / (2 ** bits - 1) : 1;
  const d = x.data as Float32Array;
  for (let k = 0; k < d.length; k++) {
    for (let iter = 0; iter < 100 && d[k] > lo && d[k] < hi && nearHalf((d[k] - lo) / scale); iter++) d[k] = Math.fround(d[k] + scale * 0.01);
    const v = d[k];
    if (v > lo && v < hi && nearHalf((v - lo) / scale)) throw new Error('qat: could not clear a rounding tie');
    for (const bound of [lo, hi]) if (v !== bound && Math.abs(v - bound) < 1e-4) throw new Error('qat: a value within 1e-4 of a clip bound');
  }
  return x;
}

function fq(name: string, x: TensorSpec, calibration: TensorSpec, bits: number, method: 'minmax' | 'percentile', p: number, upstream: TensorSpec, isPublic = false): CaseSpec {
  return { name, public: isPublic, args: [clearOfTies(x, calibration, bits, method, p), calibration, bits, method, p, upstream] };
}

function cases(rng: Rng): CaseSpec[] {
  const list: CaseSpec[] = [
    fq(
      'example 1: min-max, 2 bits, values outside and on the range',
      tensorSpec([-1.2, 0.3, 2.5, 0.9, -0.4, 2], [2, 3]),
      tensorSpec([-1, -0.5, 0, 0.5, 1, 2], [6]),
      2,
      'minmax',
      0,
      tensorSpec([1, 2, 3, 4, 5, 6], [2, 3]),
      true,
    ),
    fq(
      'example 2: 90th percentile, 4 bits',
      tensorSpec([0.5, 1.2, 4.3, 8.6, 9.5, 3.1], [2, 3]),
      tensorSpec([0, 1, 2, 3, 4, 5, 6, 7, 8, 9], [10]),
      4,
      'percentile',
      90,
      tensorSpec([1, -1, 0.5, 2, 1, -3], [2, 3]),
      true,
    ),
  ];
  {
    const x = rng.normal([4, 8]);
    list.push(fq('hidden: min-max calibrated on x itself (its min and max sit exactly on the bounds)', x, tensorSpec(Array.from(x.data), [32]), 8, 'minmax', 0, rng.normal([4, 8])));
  }
  list.push(fq('hidden: min-max, 8 bits, calibration narrower than x', rng.normal([6, 10], 2), rng.normal([200]), 8, 'minmax', 0, rng.normal([6, 10])));
  {
    // Heavy-tailed calibration: a few huge outliers; min-max would waste the range, percentile clips them.
    const c = rng.normal([500]);
    for (let k = 0; k < 5; k++) c.data[rng.int(0, 499)] = Math.fround((rng.next() < 0.5 ? -1 : 1) * (30 + 20 * rng.next()));
    const x = rng.normal([5, 12], 1.5);
    list.push(fq('hidden: 99th percentile clips calibration outliers', x, c, 8, 'percentile', 99, rng.normal([5, 12])));
    list.push(fq('hidden: min-max on the same heavy-tailed calibration', x, c, 8, 'minmax', 0, rng.normal([5, 12])));
  }
  list.push(fq('hidden: 99.9th percentile, 4 bits', rng.normal([4, 16], 2), rng.normal([1000], 1.5), 4, 'percentile', 99.9, rng.normal([4, 16])));
  list.push(fq('hidden: percentile 100 equals min-max', rng.normal([3, 7], 1.5), rng.normal([50]), 6, 'percentile', 100, rng.normal([3, 7])));
  list.push(fq('hidden: 1 bit (two levels)', rng.normal([4, 5]), rng.normal([64]), 1, 'minmax', 0, rng.normal([4, 5])));
  list.push(fq('hidden: all-positive calibration (range does not contain 0)', rng.uniform([5, 6], -1, 6), rng.uniform([40], 1, 4), 4, 'minmax', 0, rng.normal([5, 6])));
  list.push(fq('hidden: constant calibration (hi = lo, scale 1)', rng.normal([3, 4]), tensorSpec(new Array(8).fill(0.5), [8]), 8, 'minmax', 0, rng.normal([3, 4])));
  list.push(fq('hidden: one row, one calibration sample pair', rng.normal([1, 9]), tensorSpec([-0.8, 1.3], [2]), 3, 'percentile', 75, rng.normal([1, 9])));
  list.push(fq('hidden: large magnitudes', rng.normal([4, 6], 300), rng.normal([100], 200), 8, 'percentile', 95, rng.normal([4, 6])));
  for (let i = 0; i < 2; i++) {
    const method = rng.pick(['minmax', 'percentile'] as const);
    const n = rng.int(1, 6);
    const d = rng.int(1, 10);
    list.push(fq(`hidden: random ${i + 1}`, rng.normal([n, d], 2), rng.normal([rng.int(5, 300)], 1.5), rng.pick([2, 4, 8]), method, method === 'minmax' ? 0 : rng.pick([90, 95, 99]), rng.normal([n, d])));
  }
  return list;
}

export default defineProblem({
  id: 'lora/qat-ste',
  entry: 'fakeQuantSTE',
  argNames: ['x', 'calibration', 'numBits', 'method', 'percentile', 'upstream'],
  reference: fakeQuantSTE,
  // lo, hi: plain numbers; out, grad: float32 tensors shaped like x.
  output: objectOf({
    lo: plainNumber(),
    hi: plainNumber(),
    out: tensorOf('float32', (args) => shapeOf(args, 0)),
    grad: tensorOf('float32', (args) => shapeOf(args, 0)),
  }),
  cases,
  mistakes: [
    {
      id: 'autodiff-through-round',
      title: 'plain autodiff through round (gradient 0 everywhere)',
      explanation: 'round() is a step function: its derivative is 0 almost everywhere, so backpropagating through it gives no gradient at all and QAT cannot learn. The straight-through estimator treats round as the identity in the backward pass (tf.customGrad): the gradient is the upstream gradient inside [lo, hi] and 0 outside.',
      diagnostic: 'mismatch',
    },
    {
      id: 'ste-no-clip-mask',
      title: 'straight-through gradient passed everywhere, even where x was clipped',
      explanation: 'The clip is real: outside [lo, hi] the output does not change with x, so the STE gradient there is 0. Only round() is treated as the identity. Multiply the upstream gradient by the mask lo ≤ x ≤ hi.',
      diagnostic: 'mismatch',
    },
    {
      id: 'ste-strict-bounds',
      title: 'gradient mask lo < x < hi excludes the bounds',
      explanation: 'The statement includes the ends: an x exactly equal to lo or hi (which happens whenever you calibrate min-max on the same data) still passes its gradient. Use ≥ lo and ≤ hi.',
      diagnostic: 'mismatch',
    },
    {
      id: 'percentile-nearest-rank',
      title: 'percentile taken as the nearest order statistic, without interpolation',
      explanation: 'The q-quantile interpolates linearly between the two order statistics around position q · (c − 1), like numpy.percentile / torch.quantile by default. Rounding the position to an index gives a different bound.',
      diagnostic: 'mismatch',
    },
    {
      id: 'percentile-upper-only',
      title: 'percentile calibration clips only the upper end',
      explanation: 'Percentile calibration trims both tails: hi is the p-th percentile and lo the (100 − p)-th. Keeping lo = min leaves negative outliers in the range.',
      diagnostic: 'mismatch',
    },
    {
      id: 'levels-two-to-the-bits',
      title: 'scale = (hi − lo) / 2^b',
      explanation: 'b bits give 2^b codes 0 … 2^b − 1, i.e. 2^b − 1 steps between lo and hi: scale = (hi − lo) / (2^b − 1). With 2^b the top code never reaches hi.',
      diagnostic: 'mismatch',
    },
    {
      id: 'no-clip-forward',
      title: 'forward pass not clipped to [lo, hi]',
      explanation: 'Values outside the calibrated range must saturate at lo or hi (the codes are limited to 0 … 2^b − 1). Without the clip they keep their size and the fake-quant no longer models the integer range.',
      diagnostic: 'mismatch',
    },
    {
      id: 'floor-not-round',
      title: 'floor instead of round',
      explanation: 'Quantize to the nearest grid point: round((x − lo) / scale). floor biases every value down by up to a whole step.',
      diagnostic: 'mismatch',
    },
  ],
});
