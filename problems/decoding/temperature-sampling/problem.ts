import { defineProblem, type CaseSpec } from '../../../src/judge/problem';
import { shapeOf, tensorOf } from '../../../src/judge/contract';
import { compareValues, type Plain } from '../../../src/judge/compare';
import { tensorSpec, type TensorSpec } from '../../../src/judge/inputs';
import type { Rng } from '../../../src/judge/rng';
import type { Diagnostic, Tolerance } from '../../../src/shared/protocol';
import { temperatureSample } from './reference';

/** Uniforms are kept this far from every CDF boundary, so float32 rounding never changes the answer. */
const MARGIN = 1e-4;
/** The largest float32 below 1. */
const JUST_BELOW_ONE = 1 - 2 ** -24;
/** exp(x) overflows float32 above this. */
const EXP_OVERFLOW = 88.73;

/** Row CDFs of softmax(logits / T) in float64. */
function cdfs(logits: TensorSpec, temperature: number): number[][] {
  const [batch, vocab] = logits.shape;
  const rows: number[][] = [];
  for (let b = 0; b < batch; b++) {
    const z = Array.from(logits.data.slice(b * vocab, (b + 1) * vocab), (x) => Number(x) / temperature);
    const m = Math.max(...z);
    const e = z.map((x) => Math.exp(x - m));
    const s = e.reduce((a, c) => a + c, 0);
    let acc = 0;
    rows.push(e.map((x) => (acc += x / s)));
  }
  return rows;
}

/** One uniform per row, resampled until it is at least MARGIN away from that row's CDF values. */
function safeUniforms(rng: Rng, logits: TensorSpec, temperature: number): TensorSpec {
  const rows = temperature === 0 ? logits.shape.slice(0, 1).flatMap((b) => Array.from({ length: b }, () => [])) : cdfs(logits, temperature);
  const u = rows.map((cdf: number[]) => {
    for (;;) {
      const x = Math.fround(rng.next());
      if (x < 1 - MARGIN && cdf.every((c) => Math.abs(c - x) > MARGIN)) return x;
    }
  });
  return tensorSpec(u, [u.length]);
}

function sampleCase(rng: Rng, name: string, batch: number, vocab: number, temperature: number, scale = 1): CaseSpec {
  const logits = rng.normal([batch, vocab], scale);
  return { name: `hidden: ${name}`, public: false, args: [logits, temperature, safeUniforms(rng, logits, temperature)] };
}

function cases(rng: Rng): CaseSpec[] {
  const exampleLogits = tensorSpec([1, 2, 0.5, -1, 0.3, -0.2, 1.5, 0.1], [2, 4]);
  const list: CaseSpec[] = [
    { name: 'example 1: T = 0.5', public: true, args: [exampleLogits, 0.5, tensorSpec([0.3, 0.9], [2])] },
    { name: 'example 2: T = 0 is greedy', public: true, args: [exampleLogits, 0, tensorSpec([0.3, 0.9], [2])] },
    sampleCase(rng, 'T = 1', 6, 10, 1),
    sampleCase(rng, 'T = 2 (flatter)', 5, 12, 2),
    sampleCase(rng, 'T = 0.1 (sharp)', 6, 8, 0.1),
    sampleCase(rng, 'T = 0 with a large batch', 16, 20, 0),
    sampleCase(rng, 'batch 1, T = 1.5', 1, 30, 1.5),
    sampleCase(rng, 'vocabulary of 2, T = 0.7', 8, 2, 0.7),
    sampleCase(rng, 'large-magnitude logits (numerical stability), T = 1', 4, 16, 1, 60),
    sampleCase(rng, 'large-magnitude logits, T = 5', 4, 16, 5, 60),
  ];
  // u exactly on a CDF boundary: all-zero logits give cdf = [0.25, 0.5, 0.75, 1] exactly in float32.
  list.push({
    name: 'hidden: u exactly on a CDF boundary (cdf > u, strictly)',
    public: false,
    args: [tensorSpec(new Array(16).fill(0), [4, 4]), 1, tensorSpec([0.25, 0.5, 0.75, 0], [4])],
  });
  {
    // T = 0 with tied maxima: integer logits, and two ids per row forced to share the row max.
    const [batch, vocab] = [6, 8];
    const values = Array.from({ length: batch * vocab }, () => rng.int(0, 2));
    for (let b = 0; b < batch; b++) {
      const first = rng.int(0, vocab - 2);
      const second = rng.int(first + 1, vocab - 1);
      values[b * vocab + first] = 3;
      values[b * vocab + second] = 3;
    }
    list.push({ name: 'hidden: T = 0 with tied maxima (lower id wins)', public: false, args: [tensorSpec(values, [batch, vocab]), 0, tensorSpec(new Array(batch).fill(0.5), [batch])] });
  }
  {
    // Every logit in [95, 105): exp(logit) overflows float32 (> 88.7) unless the row max is subtracted.
    const logits = rng.uniform([4, 10], 95, 105);
    if (!logits.data.every((x) => x > EXP_OVERFLOW)) throw new Error('temperature: the overflow case needs every logit above 88.7');
    list.push({ name: 'hidden: logits around 100, T = 1 (exp overflows float32 without the max shift)', public: false, args: [logits, 1, safeUniforms(rng, logits, 1)] });
  }
  {
    // Banned tokens (logit −∞) have probability exactly 0: u = 0 must skip them, and u exactly on a
    // boundary of the exact quarters moves on to the next allowed token.
    const rows = [
      [-Infinity, 0.3, -1, 2, -Infinity, 0.5],
      [-Infinity, -Infinity, 1, 1, 1, 1],
      [-Infinity, 0, 0, 0, 0, -Infinity],
      [-Infinity, -Infinity, -Infinity, 4, -Infinity, -Infinity],
    ];
    const u = [0, 0.5, 0.25, 0];
    const want = [1, 4, 2, 3];
    const logits = tensorSpec(rows.flat(), [rows.length, 6]);
    cdfs(logits, 1).forEach((row, b) => {
      if (row.findIndex((c) => c > u[b]) !== want[b]) throw new Error(`temperature: banned-token row ${b} is off`);
    });
    list.push({ name: 'hidden: banned tokens (logit −∞) with u = 0 and u on exact boundaries', public: false, args: [logits, 1, tensorSpec(u, [u.length])] });
  }
  {
    // u = 1 − 2⁻²⁴, the largest float32 below 1, and the last token banned: in exact arithmetic the
    // answer is the last allowed token (id 6), but the float32 cumulative sums of these rows end a
    // hair below 1 (at or under u with tf.softmax and tf.cumsum, on cpu and wasm), so no cumulative
    // value exceeds u. Falling back to vocab − 1 would sample the banned token.
    const rows = [
      [0.803, 1.987, 0.384, 1.384, -0.211, 1.741, 0.684, -Infinity],
      [-1.994, 1.852, 0.148, 0.781, -0.776, 0.416, 1.064, -Infinity],
      [1.391, 0.673, 0.623, -0.052, -1.948, 0.658, -0.55, -Infinity],
      [1.149, 0.201, 0.535, -1.252, -0.224, 1.322, 0.578, -Infinity],
    ];
    const logits = tensorSpec(rows.flat(), [rows.length, 8]);
    cdfs(logits, 0.7).forEach((row, b) => {
      if (row.findIndex((c) => c > JUST_BELOW_ONE) !== 6) throw new Error(`temperature: rounding-fallback row ${b} is off`);
    });
    list.push({
      name: 'hidden: u = 1 − 2⁻²⁴ with the last token banned (rounding fallback: the last allowed token)',
      public: false,
      args: [logits, 0.7, tensorSpec(rows.map(() => JUST_BELOW_ONE), [rows.length])],
    });
  }
  for (let i = 0; i < 3; i++) {
    list.push(sampleCase(rng, `random ${i + 1}`, rng.int(1, 8), rng.int(2, 50), rng.pick([0.3, 0.7, 1, 1.3, 3]), rng.pick([1, 2, 4])));
  }
  return list;
}

/** Ids must match exactly; the message shows the rows that differ. */
function compare(expected: Plain, got: Plain, tolerance: Tolerance): Diagnostic | undefined {
  const basic = compareValues(expected, got, tolerance);
  if (!basic || basic.kind !== 'mismatch' || expected.kind !== 'tensor' || got.kind !== 'tensor') return basic;
  const rows: string[] = [];
  for (let b = 0; b < expected.data.length; b++) {
    if (Number(expected.data[b]) !== Number(got.data[b])) rows.push(`row ${b}: expected ${expected.data[b]}, got ${got.data[b]}`);
  }
  return { ...basic, message: `Sampled ids differ in ${rows.length} of ${expected.data.length} rows (${rows.slice(0, 4).join('; ')}${rows.length > 4 ? '; …' : ''}).` };
}

export default defineProblem({
  id: 'decoding/temperature-sampling',
  entry: 'temperatureSample',
  argNames: ['logits', 'temperature', 'u'],
  reference: temperatureSample,
  // [batch] int32: one sampled id per row of logits.
  output: tensorOf('int32', (args) => [shapeOf(args, 0)[0]]),
  cases,
  compare,
  mistakes: [
    {
      id: 'temperature-zero-not-handled',
      title: 'T = 0 not special-cased (logits / 0)',
      explanation: 'Dividing by a temperature of 0 gives ±Infinity and NaN, so the softmax is NaN and the comparison with u never succeeds. T = 0 is the greedy limit: return tf.argMax(logits, -1).',
      diagnostic: 'mismatch',
    },
    {
      id: 'temperature-zero-falls-back',
      title: 'T = 0 not special-cased (logits / 0): every row falls back to the last token',
      explanation:
        'Dividing by a temperature of 0 gives ±Infinity and NaN, so the softmax is NaN, no cumulative value is ever > u, and every row ends in the rounding fallback (the last allowed id). T = 0 is the greedy limit: return tf.argMax(logits, -1) before dividing.',
      diagnostic: 'mismatch',
    },
    {
      id: 'multiplies-by-temperature',
      title: 'logits multiplied by T instead of divided',
      explanation: 'Temperature divides the logits: softmax(logits / T). Multiplying inverts its effect — T < 1 should sharpen the distribution, not flatten it.',
      diagnostic: 'mismatch',
    },
    {
      id: 'softmax-before-temperature',
      title: 'temperature applied after the softmax',
      explanation: 'softmax(logits) / T is not a distribution (it sums to 1/T) and is not the tempered one. Scale the logits first, then take the softmax.',
      diagnostic: 'mismatch',
    },
    {
      id: 'cumsum-over-batch-axis',
      title: 'cumulative sum taken over the batch axis',
      explanation: 'Each row is its own distribution: tf.cumsum(probs, -1) along the vocabulary, not axis 0.',
      diagnostic: 'mismatch',
    },
    {
      id: 'cdf-greater-or-equal',
      title: 'inverse CDF uses cdf ≥ u instead of cdf > u',
      explanation: 'The id is the first i with cdf[i] > u, i.e. the count of cdf values ≤ u. With ≥ (counting cdf < u) a uniform that lands exactly on a boundary picks the id one too low.',
      diagnostic: 'mismatch',
    },
    {
      id: 'no-max-shift',
      title: 'softmax without subtracting the max (exp overflows)',
      explanation: 'exp(z / T) is Infinity in float32 once z / T exceeds about 88.7 (and T < 1 makes that easy), so exp/Σexp is Infinity/Infinity = NaN. Subtract the row max before exp — tf.softmax does — which leaves the probabilities unchanged.',
      diagnostic: 'mismatch',
    },
    {
      id: 'clamped-to-last-id',
      title: 'rounding fallback clamps to vocab − 1, a banned token',
      explanation: 'When float32 rounding leaves every cumulative value ≤ u (u within about 1e−7 of 1), the fallback is the last token that can be sampled — the last id whose logit is not −∞. vocab − 1 may be banned (probability 0).',
      diagnostic: 'mismatch',
    },
    {
      id: 'no-max-shift-loop',
      title: 'softmax without subtracting the max (exp overflows, no token is valid)',
      explanation:
        'exp(z / T) overflows float32 above about 88.7, so Infinity / Infinity gives NaN probabilities and the sampling loop finds no valid token. Subtract the row max before exponentiating (tf.softmax does).',
      diagnostic: 'mismatch',
    },
    {
      id: 'softmax-then-divide-loop',
      title: 'temperature applied to the probabilities after the softmax',
      explanation:
        'Temperature rescales the logits: softmax(logits / T). Dividing the probabilities by T afterwards only scales the cumulative sum (it no longer ends at 1), so the inverse CDF stops at the wrong token.',
      diagnostic: 'mismatch',
    },
    {
      id: 'tiny-temperature-for-zero',
      title: 'T = 0 replaced by a tiny temperature (tied maxima share the mass)',
      explanation:
        'T = 0 is the greedy limit: return the argmax (lower id on ties). Replacing it with T = 1e-6 and sampling splits the mass between tied maxima, so u can pick a later tied token (and u is used at all).',
      diagnostic: 'mismatch',
    },
    {
      id: 'greedy-ties-highest',
      title: 'T = 0: argmax ties go to the highest id',
      explanation:
        'At T = 0 the answer is the argmax with ties broken toward the lower id (what tf.argMax does). A hand-written scan with ≥ lets the last tied token win.',
      diagnostic: 'mismatch',
    },
    {
      id: 'no-rounding-fallback',
      title: 'rounding fallback missing: returns vocab, not a token id',
      explanation:
        'When float32 rounding leaves every cumulative value ≤ u (u just below 1), the count of values ≤ u is vocab, which is not a token id. Clamp it to the last token that is not banned.',
      diagnostic: 'mismatch',
    },
    {
      id: 'softmax-over-batch',
      title: 'softmax taken over the batch axis instead of the vocabulary',
      explanation:
        'Each row is its own distribution over the vocabulary: apply the softmax along the last axis (tf.softmax’s default), not across the rows of the batch.',
      diagnostic: 'mismatch',
    },
    {
      id: 'no-max-shift-last-allowed',
      title: 'softmax without subtracting the max (NaN probabilities fall back to the last allowed token)',
      explanation:
        'exp(z / T) overflows float32 above about 88.7, so exp/Σexp is Infinity/Infinity = NaN, a NaN running total never exceeds u, and the row falls through to the last non-banned token. Subtract the row max before exponentiating (tf.softmax does).',
      diagnostic: 'mismatch',
    },
  ],
});
