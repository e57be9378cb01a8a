import { defineProblem, type CaseSpec } from '../../../src/judge/problem';
import { shapeOf, tensorOf } from '../../../src/judge/contract';
import { tensorSpec, type TensorSpec } from '../../../src/judge/inputs';
import type { Rng } from '../../../src/judge/rng';
import { scaledDotProductAttention } from './reference';

/** A causal mask [t, t]: query i may attend to keys 0..i. */
function causalMask(t: number): TensorSpec {
  const values: number[] = [];
  for (let i = 0; i < t; i++) for (let j = 0; j < t; j++) values.push(j <= i ? 1 : 0);
  return tensorSpec(values, [t, t]);
}

/** A random padding-style mask [b, 1, tk] that keeps at least one key per batch row. */
function keyPaddingMask(rng: Rng, b: number, tk: number, dtype: 'float32' | 'bool'): TensorSpec {
  const values: number[] = [];
  for (let i = 0; i < b; i++) {
    const keep = rng.int(1, tk);
    for (let j = 0; j < tk; j++) values.push(j < keep ? 1 : 0);
  }
  return tensorSpec(values, [b, 1, tk], dtype);
}

/** Throws unless exactly the listed rows (leading indices) of a [..., tq, tk] mask are fully masked. */
function assertFullyMaskedOnly(values: number[], shape: number[], rows: number[][]): void {
  const tk = shape[shape.length - 1];
  const lead = shape.slice(0, -1);
  for (let r = 0; r * tk < values.length; r++) {
    const index: number[] = [];
    for (let rest = r, a = lead.length - 1; a >= 0; a--) {
      index.unshift(rest % lead[a]);
      rest = Math.floor(rest / lead[a]);
    }
    const empty = values.slice(r * tk, (r + 1) * tk).every((x) => x === 0);
    const listed = rows.some((row) => row.join() === index.join());
    if (empty !== listed) throw new Error(`case generator: mask row [${index.join(', ')}] ${empty ? 'is' : 'is not'} fully masked`);
  }
}

/** Scaled scores q·kᵀ/√d of 2-D or batched specs, flattened per [batch…, tq] row. */
function scoreRows(q: TensorSpec, k: TensorSpec): number[][] {
  const d = q.shape.at(-1)!;
  const tq = q.shape.at(-2)!;
  const tk = k.shape.at(-2)!;
  const batches = q.data.length / (tq * d);
  const rows: number[][] = [];
  for (let b = 0; b < batches; b++) {
    for (let i = 0; i < tq; i++) {
      const row: number[] = [];
      for (let j = 0; j < tk; j++) {
        let dot = 0;
        for (let c = 0; c < d; c++) dot += q.data[(b * tq + i) * d + c] * k.data[(b * tk + j) * d + c];
        row.push(dot / Math.sqrt(d));
      }
      rows.push(row);
    }
  }
  return rows;
}

/** Keeps the promise "exp of the largest score overflows even in float64": raise it if the draw did not. */
function withMaxScoreAbove(args: TensorSpec[], bound: number): TensorSpec[] {
  const [q, k] = args;
  const max = () => Math.max(...scoreRows(q, k).flat());
  // Scale the first query row up until some score clears the bound (a rare draw needs it).
  for (let tries = 0; max() <= bound && tries < 20; tries++) {
    const d = q.shape.at(-1)!;
    for (let c = 0; c < d; c++) q.data[c] *= 2;
  }
  if (max() <= bound) throw new Error(`case generator: no score above ${bound}`);
  return args;
}

/** q [3, 4], k [5, 4], v [5, 3]: keys have positive entries and query row 0 large negative ones. */
function veryNegativeRow(rng: Rng): TensorSpec[] {
  const k = rng.uniform([5, 4], 1, 2);
  const q = rng.normal([3, 4]);
  for (let c = 0; c < 4; c++) q.data[c] = -400 - 50 * rng.next();
  const rows = scoreRows(q, k);
  if (!(Math.max(...rows[0]) < -745)) throw new Error('case generator: row 0 must have every score below −745');
  if (!(Math.max(...rows[1]) > -50)) throw new Error('case generator: row 1 must be an ordinary row');
  return [q, k, rng.normal([5, 3])];
}

function qkv(rng: Rng, batch: number[], tq: number, tk: number, d: number, dv: number, scale = 1) {
  return [rng.normal([...batch, tq, d], scale), rng.normal([...batch, tk, d], scale), rng.normal([...batch, tk, dv])];
}

function cases(rng: Rng): CaseSpec[] {
  const q1 = tensorSpec([1, 0], [1, 2]);
  const k1 = tensorSpec([1, 0, 0, 1], [2, 2]);
  const v1 = tensorSpec([1, 2, 0, 3, 4, 1], [2, 3]);
  const list: CaseSpec[] = [
    { name: 'example 1', public: true, args: [q1, k1, v1] },
    { name: 'example 2: masked first key', public: true, args: [q1, k1, v1, tensorSpec([0, 1], [1, 2])] },
    { name: 'example 3: batch of 2, tq ≠ tk, dv ≠ d', public: true, args: qkv(rng, [2], 3, 5, 4, 6) },
    { name: 'hidden: batch 1', public: false, args: qkv(rng, [1], 4, 4, 8, 8) },
    { name: 'hidden: no batch axis, tq = 1', public: false, args: qkv(rng, [], 1, 7, 5, 3) },
    { name: 'hidden: batch and heads [2, 3]', public: false, args: qkv(rng, [2, 3], 5, 6, 8, 4) },
    { name: 'hidden: one head [2, 1]', public: false, args: qkv(rng, [2, 1], 4, 3, 4, 5) },
    { name: 'hidden: tk == dv', public: false, args: qkv(rng, [3], 2, 6, 4, 6) },
    { name: 'hidden: d = 1', public: false, args: qkv(rng, [2], 3, 4, 1, 2) },
    { name: 'hidden: large-magnitude inputs', public: false, args: withMaxScoreAbove(qkv(rng, [2], 4, 5, 16, 4, 30), 710) },
    { name: 'hidden: large-magnitude inputs, long keys', public: false, args: withMaxScoreAbove(qkv(rng, [1], 3, 32, 8, 8, 40), 710) },
    { name: 'hidden: a query row whose scores are all below −745', public: false, args: veryNegativeRow(rng) },
  ];
  const t = rng.int(4, 7);
  list.push({ name: 'hidden: causal mask [t, t] broadcast over batch', public: false, args: [...qkv(rng, [2], t, t, 8, 8), causalMask(t)] });
  list.push({ name: 'hidden: causal mask over batch and heads', public: false, args: [...qkv(rng, [2, 2], 5, 5, 4, 4), causalMask(5)] });
  list.push({ name: 'hidden: bool padding mask [b, 1, tk]', public: false, args: [...qkv(rng, [3], 4, 6, 4, 5), keyPaddingMask(rng, 3, 6, 'bool')] });
  list.push({ name: 'hidden: float padding mask [b, 1, tk]', public: false, args: [...qkv(rng, [2], 3, 5, 8, 2), keyPaddingMask(rng, 2, 5, 'float32')] });
  // Row 1 of each batch has every key masked: it must come back as zeros, not NaN or a mean of v.
  const fullRow: number[] = [];
  for (let b = 0; b < 2; b++) for (let i = 0; i < 3; i++) for (let j = 0; j < 4; j++) fullRow.push(i === 1 ? 0 : rng.next() < 0.6 || j === i ? 1 : 0);
  list.push({ name: 'hidden: fully masked query row', public: false, args: [...qkv(rng, [2], 3, 4, 4, 3), tensorSpec(fullRow, [2, 3, 4])] });
  // Fully masked in one batch entry only, and a 2-D mask whose other rows allow every key: a
  // "row has a key" test must look along the key axis of the same row, not across batch or queries.
  const oneBatchRow: number[] = [];
  for (let b = 0; b < 2; b++) for (let i = 0; i < 3; i++) for (let j = 0; j < 5; j++) oneBatchRow.push(i === 2 && b === 0 ? 0 : b === 1 || j <= i ? 1 : 0);
  assertFullyMaskedOnly(oneBatchRow, [2, 3, 5], [[0, 2]]);
  list.push({ name: 'hidden: fully masked row in one batch entry only', public: false, args: [...qkv(rng, [2], 3, 5, 4, 3), tensorSpec(oneBatchRow, [2, 3, 5], 'bool')] });
  const twoD: number[] = [];
  for (let i = 0; i < 4; i++) for (let j = 0; j < 3; j++) twoD.push(i === 0 ? 0 : 1);
  assertFullyMaskedOnly(twoD, [4, 3], [[0]]);
  list.push({ name: 'hidden: no batch axis, first query row fully masked', public: false, args: [...qkv(rng, [], 4, 3, 6, 2), tensorSpec(twoD, [4, 3])] });
  list.push({ name: 'hidden: random mask [tq, tk] with large inputs', public: false, args: [...qkv(rng, [2], 4, 6, 8, 4, 20), rng.bernoulli([4, 6], 0.7)] });
  for (let i = 0; i < 3; i++) {
    const batch = [rng.int(1, 3)];
    list.push({ name: `hidden: random shapes ${i + 1}`, public: false, args: qkv(rng, batch, rng.int(1, 8), rng.int(1, 8), rng.int(1, 16), rng.int(1, 16)) });
  }
  // A fully masked row next to rows with scores past 710 (last, so the cases above keep their
  // draws): tells a −Infinity fill (NaN in the masked row only) from an unstable softmax (NaN in
  // the masked row and in the large rows).
  list.push({ name: 'hidden: fully masked row next to large-magnitude scores', public: false, args: maskedRowBesideLargeScores(rng) });
  return list;
}

/**
 * q, k, v [2, 4, ·] at scale 30 and a [2, 4, 5] mask masking only row 1 of batch 0. Asserted: an
 * unmasked row scores above 710, and the masked row's scores stay below 16 in magnitude (so
 * s − 1e9 rounds to −1e9 in float32 and an additive −1e9 mask still averages that row).
 */
function maskedRowBesideLargeScores(rng: Rng): TensorSpec[] {
  const [q, k, v] = qkv(rng, [2], 4, 5, 8, 4, 30);
  for (let c = 0; c < 8; c++) q.data[8 + c] /= 300;
  const largestUnmasked = () => Math.max(...scoreRows(q, k).filter((_, r) => r !== 1).flat());
  for (let tries = 0; largestUnmasked() <= 710 && tries < 20; tries++) for (let c = 0; c < 8; c++) q.data[c] *= 2;
  if (!(largestUnmasked() > 710)) throw new Error('case generator: no unmasked score above 710');
  if (!(Math.max(...scoreRows(q, k)[1].map(Math.abs)) < 16)) throw new Error('case generator: the masked row must have scores below 16 in magnitude');
  const values: number[] = [];
  for (let b = 0; b < 2; b++) for (let i = 0; i < 4; i++) for (let j = 0; j < 5; j++) values.push(b === 0 && i === 1 ? 0 : 1);
  assertFullyMaskedOnly(values, [2, 4, 5], [[0, 1]]);
  return [q, k, v, tensorSpec(values, [2, 4, 5])];
}

export default defineProblem({
  id: 'attention/scaled-dot-product',
  entry: 'scaledDotProductAttention',
  argNames: ['q', 'k', 'v', 'mask'],
  reference: scaledDotProductAttention,
  // [..., tq, dv]: q's leading axes and query length, v's feature width.
  output: tensorOf('float32', (args) => [...shapeOf(args, 0).slice(0, -1), shapeOf(args, 2).at(-1)!]),
  cases,
  mistakes: [
    {
      id: 'softmax-over-query-axis',
      title: 'softmax taken over the query axis',
      explanation: 'Each query row must be a distribution over the keys: use tf.softmax(scores, -1), not axis -2.',
      diagnostic: 'mismatch',
    },
    {
      id: 'missing-sqrt-d',
      title: 'scores not scaled by √d',
      explanation: 'Divide qkᵀ by Math.sqrt(d) before the softmax, where d is the size of the last axis of q.',
      diagnostic: 'mismatch',
    },
    {
      id: 'scaled-by-d',
      title: 'scores divided by d instead of √d',
      explanation: 'The scale is 1/√d (keeps the scores at unit variance), not 1/d.',
      diagnostic: 'mismatch',
    },
    {
      id: 'mask-inverted',
      title: 'mask applied the wrong way round',
      explanation: '1/true means "may attend": keep those scores and suppress the zeros.',
      diagnostic: 'mismatch',
    },
    {
      id: 'unstable-softmax',
      title: 'softmax without subtracting the row maximum',
      explanation: 'exp of large scores overflows to Infinity; subtract the row max first, or use tf.softmax.',
      diagnostic: 'non-finite',
    },
    {
      id: 'unstable-softmax-nan-rows',
      title: 'softmax without subtracting the row maximum (rows whose exps all underflow become NaN)',
      explanation:
        'exp(x) / Σ exp(x) overflows to Infinity / Infinity = NaN once a score passes ≈ 88 in float32, and a row whose exps all underflow (every key masked with −1e9, or every score far below zero) is 0 / 0 = NaN, which multiplying the row by 0 does not clear. Subtract the row max before exp, or use tf.softmax.',
      diagnostic: 'non-finite',
    },
    {
      id: 'unstable-softmax-rows-zeroed',
      title: 'softmax without subtracting the row maximum (fully masked rows replaced by zeros)',
      explanation:
        'exp(x) / Σ exp(x) overflows to Infinity / Infinity = NaN once a score passes ≈ 88 in float32, and a row whose scores are all far below zero underflows to 0 / 0 = NaN; zeroing the fully masked rows does not help those. Subtract the row max before exp, or use tf.softmax.',
      diagnostic: 'non-finite',
    },
    {
      id: 'unstable-softmax-loops',
      title: 'softmax without subtracting the row maximum (float64 loops)',
      explanation:
        'Math.exp of a raw score above ≈ 709 is Infinity, so the row becomes Infinity / Infinity = NaN; a row whose scores are all below ≈ −745 underflows to 0 / 0 = NaN. Find the row max over the allowed keys and exponentiate s − max: every exp is then at most 1 and the largest is exactly 1.',
      diagnostic: 'non-finite',
    },
    {
      id: 'unstable-softmax-loops-sum-guard',
      title: 'softmax without subtracting the row maximum (float64 loops, a zero sum taken for a fully masked row)',
      explanation:
        'Math.exp of a raw score above ≈ 709 is Infinity, so the row becomes Infinity / Infinity = NaN; and when every score of a row is below ≈ −745 all the exps underflow, the sum is 0 and the sum === 0 guard returns zeros although the row has keys. Exponentiate s − max (max over the allowed keys), and decide "fully masked" from the mask, not from the sum.',
      diagnostic: 'non-finite',
    },
    {
      id: 'mask-added-large-negative',
      title: 'masked by adding −1e9 to the masked scores, with fully masked rows not zeroed',
      explanation:
        'Adding −1e9 hides a masked key only next to unmasked ones. When every key of a row is masked, all its scores drop by the same amount: in float64 s − 1e9 keeps s, so the softmax is exactly the unmasked one (in float32 the row averages all values). A row with no allowed key must return zeros: check the mask row (or use the max over allowed keys) and skip it.',
      diagnostic: 'mismatch',
    },
    {
      id: 'negative-infinity-fill',
      title: 'masked with -Infinity, so a fully masked row is NaN',
      explanation: 'softmax of a row that is all -Infinity is 0/0. Use a large finite fill and zero rows with no allowed key.',
      diagnostic: 'non-finite',
    },
    {
      id: 'fully-masked-row-averages',
      title: 'a fully masked row averages all values instead of returning zeros',
      explanation: 'With a large negative fill, a row where every key is masked gets uniform weights. Multiply such rows by 0.',
      diagnostic: 'mismatch',
    },
    {
      id: 'mask-after-softmax',
      title: 'mask applied after the softmax',
      explanation:
        'Zeroing masked weights after the softmax leaves rows that no longer sum to 1. Replace masked scores with a large negative number before the softmax instead.',
      diagnostic: 'mismatch',
    },
    {
      id: 'scaled-by-sqrt-dv',
      title: 'scores scaled by √d_v (the value width) instead of √d',
      explanation: 'd is the width of q and k (the last axis of q), which the dot products sum over; v’s width dv plays no part in the scale.',
      diagnostic: 'mismatch',
    },
    {
      id: 'mask-added-to-scores',
      title: 'the 0/1 mask added to the scores instead of masking them',
      explanation:
        'Here the mask is boolean (1 = may attend), not an additive bias: adding it only nudges the logits. Use tf.where(allowed, scores, -1e9) so masked keys get no weight.',
      diagnostic: 'mismatch',
    },
    {
      id: 'returns-weights',
      title: 'returned the attention weights instead of weights · v',
      explanation: 'The output is softmax(qkᵀ/√d)·v with shape [..., tq, dv].',
      diagnostic: 'shape',
    },
    {
      id: 'mask-multiplies-scores',
      title: 'mask applied by multiplying the scores by 0/1',
      explanation: 'A masked score multiplied by 0 becomes 0, and exp(0) still gives that key weight in the softmax. Replace masked scores by a large negative number (tf.where(allowed, scores, -1e9)) before the softmax.',
      diagnostic: 'mismatch',
    },
    {
      id: 'softmax-over-query-axis-masked',
      title: 'softmax taken over the query axis (masked weights zeroed afterwards)',
      explanation: 'Each query row must be a distribution over the keys: softmax over the last axis of the [..., tq, tk] scores. Normalizing each key column over the queries is wrong even if the masked weights are zeroed afterwards.',
      diagnostic: 'mismatch',
    },
    {
      id: 'multiplied-by-sqrt-d',
      title: 'scores multiplied by √d instead of divided by it',
      explanation: 'The scale is 1/√d: divide q·kᵀ by Math.sqrt(d). Multiplying makes the softmax far too peaked.',
      diagnostic: 'mismatch',
    },
    {
      id: 'scaled-after-softmax',
      title: '1/√d applied to the weights after the softmax instead of to the scores',
      explanation: 'The scale belongs inside the softmax: softmax(q·kᵀ / √d). Dividing the weights afterwards leaves the softmax unscaled and rows that sum to 1/√d.',
      diagnostic: 'mismatch',
    },
    {
      id: 'd-from-axis-1',
      title: 'd read from q.shape[1] instead of the last axis of q',
      explanation: 'q.shape[1] is the feature width only for 2-D input; with batch or head axes it is tq or the number of heads. Use q.shape[q.rank - 1].',
      diagnostic: 'mismatch',
    },
    {
      id: 'unstable-softmax-denominator-guard',
      title: 'softmax without subtracting the row maximum (exp·mask, zero totals divided by 1)',
      explanation: 'exp of raw scores overflows to Infinity above ≈ 88 in float32 (and Infinity · 0 = NaN for a masked key); subtract each row’s maximum allowed score before exp. Guarding the denominator does not fix the overflow.',
      diagnostic: 'non-finite',
    },
  ],
});
