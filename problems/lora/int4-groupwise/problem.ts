import { defineProblem, type CaseSpec } from '../../../src/judge/problem';
import { numberArg, objectOf, shapeOf, tensorOf } from '../../../src/judge/contract';
import { tensorSpec, type TensorSpec } from '../../../src/judge/inputs';
import { compareValues, type Plain } from '../../../src/judge/compare';
import type { Diagnostic, Tolerance } from '../../../src/shared/protocol';
import type { Rng } from '../../../src/judge/rng';
import { quantizeInt4 } from './reference';

const MARGIN = 1e-3;
const f = Math.fround;

interface GroupStats {
  lo: number;
  hi: number;
  scale: number;
  loAt: number;
}

function stats(d: Float32Array, start: number, groupSize: number): GroupStats {
  let lo = 0;
  let hi = 0;
  let loAt = -1;
  for (let j = start; j < start + groupSize; j++) {
    if (d[j] < lo) [lo, loAt] = [d[j], j];
    hi = Math.max(hi, d[j]);
  }
  return { lo, hi, scale: hi > lo ? f(f(hi - lo) / 15) : 1, loAt };
}

const nearHalf = (v: number) => Math.abs(Math.abs(v - Math.trunc(v)) - 0.5) < MARGIN;

/**
 * Moves every value whose w / scale (or the group's −lo / scale) lies within MARGIN of a .5 tie
 * towards 0, so float32 and float64 arithmetic round the same way. Deliberate ties are built by
 * `tieCase` instead.
 */
function clearOfTies(spec: TensorSpec, groupSize: number): TensorSpec {
  const d = spec.data as Float32Array;
  for (let g = 0; g < d.length; g += groupSize) {
    for (let iter = 0; iter < 200; iter++) {
      const s = stats(d, g, groupSize);
      let moved = false;
      if (s.loAt >= 0 && nearHalf(-s.lo / s.scale)) {
        d[s.loAt] = f(d[s.loAt] * 0.98);
        moved = true;
      }
      for (let j = g; j < g + groupSize && !moved; j++) {
        if (nearHalf(d[j] / s.scale)) {
          d[j] = f(d[j] * 0.98);
          moved = true;
        }
      }
      if (!moved) break;
    }
  }
  assertClear(spec, groupSize);
  return spec;
}

function assertClear(spec: TensorSpec, groupSize: number): void {
  const d = spec.data as Float32Array;
  for (let g = 0; g < d.length; g += groupSize) {
    const s = stats(d, g, groupSize);
    if (nearHalf(-s.lo / s.scale)) throw new Error('int4: a zero point within 1e-3 of a rounding tie');
    for (let j = g; j < g + groupSize; j++) if (nearHalf(d[j] / s.scale)) throw new Error('int4: a value within 1e-3 of a rounding tie');
  }
}

function randomCase(rng: Rng, name: string, rows: number, cols: number, groupSize: number, scale = 1, shift = 0): CaseSpec {
  const spec = rng.normal([rows, cols], scale);
  const d = spec.data as Float32Array;
  for (let k = 0; k < d.length; k++) d[k] = f(d[k] + shift);
  return { name, public: false, args: [clearOfTies(spec, groupSize), groupSize] };
}

/** Groups with hi − lo = 15 · 2^k, so scale = 2^k exactly, and values at exact .5 multiples of it. */
function tieCase(rng: Rng): CaseSpec {
  const rows = 3;
  const groupSize = 4;
  const cols = 8;
  const values: number[] = [];
  let ties = 0;
  for (let r = 0; r < rows; r++) {
    for (let g = 0; g < cols / groupSize; g++) {
      const s = rng.pick([0.5, 1, 2]);
      const zero = rng.int(1, 14);
      const lo = -(zero + 0.5) * s; // −lo / scale = zero + .5: a tie in the zero point itself
      const hi = lo + 15 * s;
      const group = [lo, hi];
      while (group.length < groupSize) group.push((rng.int(Math.ceil(lo / s), Math.floor(hi / s) - 1) + 0.5) * s);
      ties += groupSize;
      values.push(...group);
    }
  }
  const spec = tensorSpec(values, [rows, cols]);
  const d = spec.data as Float32Array;
  for (let g = 0; g < d.length; g += groupSize) {
    const s = stats(d, g, groupSize);
    for (let j = g; j < g + groupSize; j++) if (!nearHalf(d[j] / s.scale) || Math.abs(d[j] / s.scale) % 1 !== 0.5) throw new Error('int4: tie case without an exact tie');
    if ((-s.lo / s.scale) % 1 !== 0.5) throw new Error('int4: tie case without an exact zero-point tie');
  }
  if (ties === 0) throw new Error('int4: no ties');
  return { name: 'hidden: exact .5 ties in values and zero points (round half to even)', public: false, args: [spec, groupSize] };
}

function cases(rng: Rng): CaseSpec[] {
  const list: CaseSpec[] = [
    {
      name: 'example 1: 2×4, groupSize 4',
      public: true,
      args: [tensorSpec([-1.5, 0, 2.2, 6, 0.3, 0.45, 0.9, 1.2], [2, 4]), 4],
    },
    {
      name: 'example 2: 2×4, groupSize 2, an all-zero group and .5 ties',
      public: true,
      args: [tensorSpec([0, 0, -2.5, 12.5, -3, 1.5, 4.5, 15], [2, 4]), 2],
    },
  ];
  list.push(randomCase(rng, 'hidden: 4×32, groupSize 8', 4, 32, 8));
  list.push(randomCase(rng, 'hidden: groupSize 128 (GPTQ default)', 2, 256, 128));
  list.push(randomCase(rng, 'hidden: one group per row (groupSize = cols)', 5, 12, 12));
  list.push(randomCase(rng, 'hidden: groupSize 2', 3, 10, 2));
  list.push(randomCase(rng, 'hidden: one row', 1, 16, 4));
  list.push(randomCase(rng, 'hidden: all-positive weights (lo extended to 0, zero = 0)', 3, 16, 8, 0.3, 3));
  list.push(randomCase(rng, 'hidden: all-negative weights (hi extended to 0, zero = 15)', 3, 16, 8, 0.3, -3));
  {
    const spec = rng.normal([4, 8]);
    const d = spec.data as Float32Array;
    for (const start of [0, 12, 28]) for (let j = 0; j < 4; j++) d[start + j] = 0;
    list.push({ name: 'hidden: all-zero groups (scale 1, zero 0)', public: false, args: [clearOfTies(spec, 4), 4] });
  }
  list.push(tieCase(rng));
  list.push(randomCase(rng, 'hidden: large magnitudes', 3, 16, 8, 200));
  list.push(randomCase(rng, 'hidden: small magnitudes', 3, 16, 8, 0.01));
  {
    const spec = rng.normal([4, 16], 0.1);
    const d = spec.data as Float32Array;
    for (let r = 0; r < 4; r++) d[r * 16 + rng.int(0, 15)] = f((rng.next() < 0.5 ? -1 : 1) * (5 + 5 * rng.next()));
    list.push({ name: 'hidden: one outlier per row', public: false, args: [clearOfTies(spec, 8), 8] });
  }
  for (let i = 0; i < 3; i++) {
    const groupSize = rng.pick([2, 4, 8, 16]);
    list.push(randomCase(rng, `hidden: random shape ${i + 1}`, rng.int(1, 8), groupSize * rng.int(1, 4), groupSize, rng.pick([0.1, 1, 4]), rng.pick([0, 0.5, -0.5])));
  }
  return list;
}

/** The default comparison, except that the integer outputs must really be int32 tensors. */
function compare(expected: Plain, got: Plain, tolerance: Tolerance): Diagnostic | undefined {
  if (got.kind === 'object') {
    for (const key of ['packed', 'zero']) {
      const value = got.entries[key];
      if (value?.kind === 'tensor' && value.dtype !== 'int32') {
        return {
          kind: 'dtype',
          path: `.${key}`,
          message: `Wrong dtype at .${key}: expected int32, got ${value.dtype}. Cast the integer codes with .cast('int32').`,
          expectedDtype: 'int32',
          gotDtype: value.dtype,
        };
      }
    }
  }
  return compareValues(expected, got, tolerance);
}

export default defineProblem({
  id: 'lora/int4-groupwise',
  entry: 'quantizeInt4',
  argNames: ['w', 'groupSize'],
  reference: quantizeInt4,
  // packed [rows, cols/2] int32, scale/zero [rows, cols/groupSize] float32/int32, dequantized [rows, cols] float32.
  output: objectOf({
    packed: tensorOf('int32', (args) => [shapeOf(args, 0)[0], shapeOf(args, 0)[1] / 2]),
    scale: tensorOf('float32', (args) => [shapeOf(args, 0)[0], shapeOf(args, 0)[1] / numberArg(args, 1)]),
    zero: tensorOf('int32', (args) => [shapeOf(args, 0)[0], shapeOf(args, 0)[1] / numberArg(args, 1)]),
    dequantized: tensorOf('float32', (args) => shapeOf(args, 0)),
  }),
  cases,
  compare,
  mistakes: [
    {
      id: 'range-without-zero',
      title: 'range [min w, max w] not extended to include 0',
      explanation: 'This convention (GPTQ\'s) widens each group\'s range to contain 0: lo = min(min w, 0), hi = max(max w, 0). Then the zero point is an integer in [0, 15] and a weight of exactly 0 is stored exactly.',
      diagnostic: 'mismatch',
    },
    {
      id: 'scale-over-16',
      title: 'scale = (hi − lo) / 16',
      explanation: 'Sixteen 4-bit codes 0..15 span the range in 15 steps, so scale = (hi − lo) / 15. Dividing by 16 makes hi land on 15.9 → 16, which then clips.',
      diagnostic: 'mismatch',
    },
    {
      id: 'zero-not-rounded',
      title: 'zero point not rounded to an integer',
      explanation: 'The zero point is stored as a 4-bit integer: zero = round(−lo / scale). A fractional zero point is not storable, and with it 0.0 no longer dequantizes to exactly 0.',
      diagnostic: 'mismatch',
    },
    {
      id: 'high-nibble-first',
      title: 'even column packed into the high nibble',
      explanation: 'The statement packs column 2j into the low nibble and 2j + 1 into the high one: byte = q[2j] + 16 · q[2j + 1]. Nibble order is a format convention that the unpacking kernel must match.',
      diagnostic: 'mismatch',
    },
    {
      id: 'math-round-half-up',
      title: 'Math.round (half up) instead of round half to even',
      explanation: 'Math.round(2.5) is 3 and Math.round(−2.5) is −2; the statement (like tf.round and torch.round) rounds exact .5 ties to the even integer: 2.5 → 2, −2.5 → −2, 7.5 → 8. Write a half-to-even helper or use tf.round.',
      diagnostic: 'mismatch',
    },
    {
      id: 'dequant-without-zero',
      title: 'dequantized = q · scale, the zero point not subtracted',
      explanation: 'q is offset by the zero point; dequantization undoes that first: (q − zero) · scale.',
      diagnostic: 'mismatch',
    },
    {
      id: 'zero-sign-flipped',
      title: 'zero point subtracted when quantizing (and added back when dequantizing)',
      explanation: 'zero = round(−lo / scale) ≥ 0 shifts the negative codes up into [0, 15]: q = round(w / scale) + zero, and dequantized = (q − zero) · scale. With the signs flipped every negative weight clips to 0.',
      diagnostic: 'mismatch',
    },
    {
      id: 'no-clamp',
      title: 'codes not clipped to [0, 15]',
      explanation: 'Rounding the zero point and the value separately can push the top of a group to 16 (e.g. −lo / scale = 3.5 → 4 and hi / scale = 11.5 → 12). Clip q to [0, 15]: a nibble has no room for 16.',
      diagnostic: 'mismatch',
    },
    {
      id: 'symmetric-absmax',
      title: 'symmetric absmax (scale = absmax / 7, zero = 8) instead of min-max',
      explanation: 'The asymmetric scheme uses the group\'s actual range: scale = (hi − lo) / 15 and a per-group zero point round(−lo / scale). A symmetric scale wastes levels when a group is mostly positive or mostly negative.',
      diagnostic: 'mismatch',
    },
    {
      id: 'one-scale-per-row',
      title: 'one scale and zero point per row, ignoring groupSize',
      explanation: 'Each run of groupSize consecutive columns in a row gets its own scale and zero point: scale and zero have shape [rows, cols / groupSize].',
      diagnostic: 'mismatch',
    },
    {
      id: 'ints-as-float32',
      title: 'packed bytes and zero points returned as float32',
      explanation: 'The packed bytes and the zero points are integers; return them as int32 tensors (.cast(\'int32\')), as the statement says.',
      diagnostic: 'dtype',
    },
  ],
});
