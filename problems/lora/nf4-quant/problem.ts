import { defineProblem, type CaseSpec } from '../../../src/judge/problem';
import { numberArg, objectOf, shapeOf, tensorOf } from '../../../src/judge/contract';
import { tensorSpec, type TensorSpec } from '../../../src/judge/inputs';
import type { Rng } from '../../../src/judge/rng';
import { quantizeNF4 } from './reference';

const NF4 = [
  -1.0, -0.6961928009986877, -0.5250730514526367, -0.39491748809814453, -0.28444138169288635, -0.18477343022823334,
  -0.09105003625154495, 0.0, 0.07958029955625534, 0.16093020141124725, 0.24611230194568634, 0.33791524171829224,
  0.44070982933044434, 0.5626170039176941, 0.7229568362236023, 1.0,
];
const MIDS = NF4.slice(0, 15).map((a, i) => (a + NF4[i + 1]) / 2);
/** Midpoints that are exact float32 numbers with equal float32 distances to both neighbours. */
const EXACT_TIES = MIDS.filter((m, i) => Math.fround(m) === m && Math.fround(m - NF4[i]) === Math.fround(NF4[i + 1] - m));
const MARGIN = 1e-5;

function blockAbsmax(data: Float32Array, start: number, blockSize: number): number {
  let m = 0;
  for (let j = 0; j < blockSize; j++) m = Math.max(m, Math.abs(data[start + j]));
  return m;
}

/**
 * Shrinks any element whose normalized value lies within MARGIN of a midpoint between two NF4
 * levels (float32 vs float64 division could then pick different codes), keeping the block absmax.
 * Elements listed in `ties` are deliberate exact ties and are left alone.
 */
function clearOfMidpoints(spec: TensorSpec, blockSize: number, ties: Set<number> = new Set()): TensorSpec {
  const d = spec.data as Float32Array;
  for (let b = 0; b < d.length; b += blockSize) {
    const absmax = blockAbsmax(d, b, blockSize);
    if (absmax === 0) continue;
    for (let j = b; j < b + blockSize; j++) {
      if (ties.has(j)) continue;
      while (MIDS.some((m) => Math.abs(d[j] / absmax - m) < MARGIN)) d[j] = Math.fround(d[j] * 0.97);
    }
  }
  assertClear(spec, blockSize, ties);
  return spec;
}

function assertClear(spec: TensorSpec, blockSize: number, ties: Set<number>): void {
  const d = spec.data as Float32Array;
  if (d.length % blockSize !== 0) throw new Error('nf4: rows · cols is not a multiple of blockSize');
  for (let b = 0; b < d.length; b += blockSize) {
    const absmax = blockAbsmax(d, b, blockSize);
    for (let j = b; j < b + blockSize; j++) {
      if (absmax === 0) continue;
      const x = d[j] / absmax;
      if (ties.has(j)) {
        if (!EXACT_TIES.includes(x)) throw new Error(`nf4: element ${j} was meant to be an exact tie`);
      } else if (MIDS.some((m) => Math.abs(x - m) < MARGIN)) {
        throw new Error(`nf4: element ${j} lies within ${MARGIN} of a midpoint`);
      }
    }
  }
}

function randomCase(rng: Rng, name: string, rows: number, cols: number, blockSize: number, scale = 1): CaseSpec {
  return { name, public: false, args: [clearOfMidpoints(rng.normal([rows, cols], scale), blockSize), blockSize] };
}

/** Blocks whose absmax is a power of two (1 or 2), filled with exact midpoints: every one a tie. */
function tieCase(rng: Rng, rows: number, cols: number, blockSize: number): CaseSpec {
  const values: number[] = [];
  const ties = new Set<number>();
  for (let b = 0; b < (rows * cols) / blockSize; b++) {
    const s = rng.pick([1, 2, 0.5]);
    const maxAt = rng.int(0, blockSize - 1);
    for (let j = 0; j < blockSize; j++) {
      if (j === maxAt) values.push(rng.pick([-1, 1]) * s);
      else {
        ties.add(values.length);
        values.push(rng.pick(EXACT_TIES) * s);
      }
    }
  }
  const spec = tensorSpec(values, [rows, cols]);
  assertClear(spec, blockSize, ties);
  return { name: 'hidden: exact ties between two levels (the lower level wins)', public: false, args: [spec, blockSize] };
}

/** Blocks whose largest magnitude is negative (max(w) ≠ max |w|). */
function negativeDominated(rng: Rng, rows: number, cols: number, blockSize: number): CaseSpec {
  const spec = rng.normal([rows, cols], 0.5);
  const d = spec.data as Float32Array;
  for (let b = 0; b < d.length; b += blockSize) d[b + rng.int(0, blockSize - 1)] = -Math.fround(3 + rng.next());
  return { name: 'hidden: every block’s absmax is a negative weight', public: false, args: [clearOfMidpoints(spec, blockSize), blockSize] };
}

function zeroBlocks(rng: Rng): CaseSpec {
  const spec = rng.normal([4, 8]);
  const d = spec.data as Float32Array;
  for (const b of [1, 6]) for (let j = 0; j < 4; j++) d[b * 4 + j] = 0;
  return { name: 'hidden: all-zero blocks (absmax 0, code 7)', public: false, args: [clearOfMidpoints(spec, 4), 4] };
}

function cases(rng: Rng): CaseSpec[] {
  const list: CaseSpec[] = [
    {
      name: 'example 1: 2×4, blockSize 4',
      public: true,
      args: [tensorSpec([0.5, -1.2, 0.3, 2.0, 0.1, -0.05, 0, -0.8], [2, 4]), 4],
    },
    {
      name: 'example 2: 2×3, blockSize 2 (blocks span rows), a zero block and a tie',
      public: true,
      args: [tensorSpec([0, 0, 2, -0.091050036251544952, 0.4, 0.8], [2, 3]), 2],
    },
  ];
  list.push(randomCase(rng, 'hidden: 8×64, blockSize 64 (QLoRA default)', 8, 64, 64));
  list.push(randomCase(rng, 'hidden: blocks span rows (cols 6, blockSize 4)', 6, 6, 4));
  list.push(randomCase(rng, 'hidden: blockSize 1 (every element its own block)', 3, 5, 1));
  list.push(randomCase(rng, 'hidden: one block is the whole tensor', 4, 8, 32));
  list.push(randomCase(rng, 'hidden: one row', 1, 32, 8));
  list.push(randomCase(rng, 'hidden: one column', 16, 1, 4));
  list.push(tieCase(rng, 4, 8, 8));
  list.push(negativeDominated(rng, 6, 8, 8));
  list.push(zeroBlocks(rng));
  list.push(randomCase(rng, 'hidden: large magnitudes', 4, 16, 16, 300));
  list.push(randomCase(rng, 'hidden: small magnitudes', 4, 16, 8, 0.01));
  {
    // Blocks of very different scale: an outlier block next to tiny ones.
    const spec = rng.normal([4, 16], 0.05);
    const d = spec.data as Float32Array;
    for (let j = 16; j < 32; j++) d[j] = Math.fround(d[j] * 200);
    list.push({ name: 'hidden: one block of outliers among small blocks', public: false, args: [clearOfMidpoints(spec, 16), 16] });
  }
  for (let i = 0; i < 3; i++) {
    const blockSize = rng.pick([4, 8, 16, 32]);
    const rows = rng.int(1, 8);
    const cols = blockSize * rng.int(1, 4);
    list.push(randomCase(rng, `hidden: random shape ${i + 1}`, rows, cols, blockSize, rng.pick([0.1, 1, 5])));
  }
  return list;
}

export default defineProblem({
  id: 'lora/nf4-quant',
  entry: 'quantizeNF4',
  argNames: ['w', 'blockSize'],
  reference: quantizeNF4,
  // { codes: [rows, cols] int32, absmax: [rows·cols / blockSize] float32, dequantized: [rows, cols] float32 }.
  output: objectOf({
    codes: tensorOf('int32', (args) => shapeOf(args, 0)),
    absmax: tensorOf('float32', (args) => [(shapeOf(args, 0)[0] * shapeOf(args, 0)[1]) / numberArg(args, 1)]),
    dequantized: tensorOf('float32', (args) => shapeOf(args, 0)),
  }),
  cases,
  mistakes: [
    {
      id: 'uniform-levels',
      title: 'evenly spaced int4 levels instead of the NF4 levels',
      explanation:
        'NF4 levels are quantiles of a normal distribution: dense near 0, sparse near ±1, with an exact 0 at code 7. Sixteen evenly spaced levels on [−1, 1] are plain absmax int4; use the 16 values given in the statement.',
      diagnostic: 'mismatch',
    },
    {
      id: 'floor-to-level-below',
      title: 'rounds down to the level below instead of to the nearest level',
      explanation: 'Pick the level closest to w / absmax: compare against the midpoints between neighbouring levels (or take the argmin of |x − level|), not against the levels themselves.',
      diagnostic: 'mismatch',
    },
    {
      id: 'ties-to-upper',
      title: 'an exact tie goes to the upper level',
      explanation: 'When w / absmax is exactly halfway between two levels the statement picks the lower one (the smaller code): use a strict x > midpoint, or the first index of the minimum distance.',
      diagnostic: 'mismatch',
    },
    {
      id: 'max-not-abs',
      title: 'block scale from max(w) instead of max(|w|)',
      explanation: 'The block constant is the largest magnitude, so that w / absmax lies in [−1, 1]. The signed max is too small (or negative) when a block\'s extreme weight is negative.',
      diagnostic: 'mismatch',
    },
    {
      id: 'per-tensor-absmax',
      title: 'one absmax for the whole tensor instead of one per block',
      explanation: 'QLoRA quantizes block-wise: every run of blockSize consecutive elements (row-major) gets its own absmax, so one outlier only costs precision inside its own block.',
      diagnostic: 'mismatch',
    },
    {
      id: 'blocks-down-columns',
      title: 'blocks cut in column-major order',
      explanation: 'Blocks are consecutive elements of the row-major flattening, w.reshape([-1, blockSize]); a block may run past the end of a row into the next one. Transposing first groups elements down the columns.',
      diagnostic: 'mismatch',
    },
    {
      id: 'no-zero-block-guard',
      title: 'all-zero block divided by absmax 0',
      explanation: 'An all-zero block has absmax 0 and w / absmax = 0 / 0 = NaN, which is nearest to no level. Normalize such a block to 0 so its codes are 7 (the level 0) and its dequantized values 0.',
      diagnostic: 'mismatch',
    },
    {
      id: 'dequant-without-scale',
      title: 'dequantized = NF4[code] without multiplying by absmax',
      explanation: 'The levels live in [−1, 1]; dequantization undoes the normalization: NF4[code] · absmax of the element\'s block.',
      diagnostic: 'mismatch',
    },
  ],
});
