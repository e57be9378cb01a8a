import { defineProblem, type CaseSpec } from '../../../src/judge/problem';
import { shapeOf, tensorOf } from '../../../src/judge/contract';
import { compareValues, type Plain } from '../../../src/judge/compare';
import { tensorSpec, type TensorSpec } from '../../../src/judge/inputs';
import type { Rng } from '../../../src/judge/rng';
import type { Diagnostic, Tolerance } from '../../../src/shared/protocol';
import { topKSample } from './reference';

/** Uniforms are kept this far from every CDF boundary in the random cases, so float32 rounding never matters. */
const MARGIN = 1e-4;
/** The largest float32 below 1. */
const JUST_BELOW_ONE = 1 - 2 ** -24;
/** exp(x) overflows float32 above this. */
const EXP_OVERFLOW = 88.73;

/** Per row, in float64: the kept ids (k largest, ties → lower id) and the CDF in vocabulary order. */
function topK(logits: TensorSpec, k: number): { kept: Set<number>[]; cdf: number[][] } {
  const [batch, vocab] = logits.shape;
  const kept: Set<number>[] = [];
  const cdf: number[][] = [];
  for (let b = 0; b < batch; b++) {
    const z = Array.from(logits.data.slice(b * vocab, (b + 1) * vocab), Number);
    const order = [...z.keys()].sort((i, j) => z[j] - z[i] || i - j);
    const keep = new Set(order.slice(0, k));
    const m = z[order[0]];
    const e = z.map((x, i) => (keep.has(i) ? Math.exp(x - m) : 0));
    const s = e.reduce((a, c) => a + c, 0);
    let acc = 0;
    kept.push(keep);
    cdf.push(e.map((x) => (acc += x / s)));
  }
  return { kept, cdf };
}

function safeUniforms(rng: Rng, logits: TensorSpec, k: number): TensorSpec {
  const u = topK(logits, k).cdf.map((cdf) => {
    for (;;) {
      const x = Math.fround(rng.next());
      if (x < 1 - MARGIN && cdf.every((c) => Math.abs(c - x) > MARGIN)) return x;
    }
  });
  return tensorSpec(u, [u.length]);
}

function sampleCase(rng: Rng, name: string, logits: TensorSpec, k: number): CaseSpec {
  return { name: `hidden: ${name}`, public: false, args: [logits, k, safeUniforms(rng, logits, k)] };
}

/** The first id whose float64 cumulative probability is > u (the answer in exact arithmetic). */
function exactAnswer(cdf: number[], u: number): number {
  return cdf.findIndex((c) => c > u);
}

function cases(rng: Rng): CaseSpec[] {
  const example = tensorSpec([2, 0.5, 1.5, -1, 0.8, 0.2, 1.2, -0.3, 2.1, 0.9], [2, 5]);
  const list: CaseSpec[] = [
    { name: 'example 1: k = 2', public: true, args: [example, 2, tensorSpec([0.8, 0.25], [2])] },
    { name: 'example 2: k = 3', public: true, args: [example, 3, tensorSpec([0.5, 0.05], [2])] },
    sampleCase(rng, 'k = 5 of 12', rng.normal([6, 12]), 5),
    sampleCase(rng, 'k = 1 is greedy', rng.normal([5, 9]), 1),
    sampleCase(rng, 'k = vocab keeps everything', rng.normal([4, 7]), 7),
    sampleCase(rng, 'k = vocab − 1', rng.normal([4, 6]), 5),
    sampleCase(rng, 'batch 1, vocab 40, k = 10', rng.normal([1, 40], 2), 10),
    sampleCase(rng, 'all logits negative (around −8)', rng.normal([5, 10]), 3),
    sampleCase(rng, 'large-magnitude logits (numerical stability)', rng.normal([4, 16], 40), 4),
    sampleCase(rng, 'vocabulary of 2, k = 1', rng.normal([6, 2]), 1),
  ];
  // Shift the "all negative" case: masking with 0 would then dominate every kept token.
  const negative = list[7].args[0] as TensorSpec;
  negative.data = Float32Array.from(negative.data, (x) => x - 8);
  list[7] = sampleCase(rng, 'all logits negative (around −8)', negative, 3);
  // Integer logits with ties straddling the k-th place: the lower ids win.
  const tied = tensorSpec(Array.from({ length: 6 * 8 }, () => rng.int(0, 3)), [6, 8]);
  list.push(sampleCase(rng, 'tied logits at the k-th place (lower id wins)', tied, 3));
  {
    // Every logit in [95, 105): exp(logit) overflows float32 (> 88.7) unless the row max is subtracted.
    const big = rng.uniform([4, 12], 95, 105);
    if (!big.data.every((x) => x > EXP_OVERFLOW)) throw new Error('top-k: the overflow case needs every logit above 88.7');
    list.push(sampleCase(rng, 'logits around 100 (exp overflows float32 without the max shift)', big, 4));
  }
  {
    // Every logit in [−125, −110): exp(logit) underflows to 0 in float32 unless the row max is subtracted.
    const small = rng.uniform([4, 12], -125, -110);
    if (!small.data.every((x) => Math.exp(x) < 2 ** -150)) throw new Error('top-k: the underflow case needs exp(logit) = 0 in float32');
    list.push(sampleCase(rng, 'logits around −115 (exp underflows float32 without the max shift)', small, 5));
  }
  {
    // Exact boundaries. In these rows the k = 4 kept tokens share one logit, so each kept probability
    // is exactly 1/4 and every cumulative value is exact in float32: u = 0.25, 0.5, 0.75 sit exactly
    // on a boundary (strictly greater wins: the next kept token), and u = 0 with a dropped token 0
    // must still pick the first kept token, never the dropped one. Row 4 also ties five tokens at
    // the k-th place (lower ids win).
    const rows = [
      [1, 3, 3, 2, 3, 3, 0, 3],
      [1, 3, 3, 2, 3, 3, 0, 3],
      [1, 3, 3, 2, 3, 3, 0, 3],
      [1, 3, 3, 2, 3, 3, 0, 3],
      [0, 0, 0, 0, -2, 0, -1, -3],
      [-1, 7, 7, 7, 7, 7, 7, 7],
    ];
    const u = [0, 0.25, 0.5, 0.75, 0.75, 0];
    const want = [1, 2, 4, 5, 3, 1];
    const logits = tensorSpec(rows.flat(), [rows.length, 8]);
    const { cdf } = topK(logits, 4);
    cdf.forEach((row, b) => {
      if (exactAnswer(row, u[b]) !== want[b] || !row.every((c) => [0, 0.25, 0.5, 0.75, 1].includes(c))) throw new Error(`top-k: exact-boundary row ${b} is off`);
    });
    list.push({ name: 'hidden: u exactly 0 and exactly on cumulative boundaries (probabilities exactly 1/4)', public: false, args: [logits, 4, tensorSpec(u, [u.length])] });
  }
  {
    // u = 1 − 2⁻²⁴, the largest float32 below 1: in exact arithmetic the last kept token, but the
    // float32 cumulative sums of these rows end a hair below 1 (at or under u, with tf.softmax and
    // tf.cumsum on cpu; rows 0 and 2 on wasm too), so no cumulative value exceeds u. The answer is
    // still the last kept token — not vocab − 1, which top-k drops here (it ranks 6th or 7th, so it is
    // not among the 5 smallest either).
    const rows = [
      [-0.006, 0.547, 0.281, -1.539, 1.237, -0.251, 0.558, 0.494, -0.723, -1.531, 0.349, 0.209],
      [-0.064, 1.665, -1.786, 0.819, 0.717, -0.354, -1.947, -1.457, -1.203, 0.789, 1.28, 0.616],
      [1.851, -0.053, -0.446, -0.278, 1.287, 0.234, 1.667, 1.853, 1.849, -1.502, 0.381, 0.85],
      [1.384, -1.093, -1.275, 0.268, 1.212, 1.335, 0.532, 1.356, -1.406, 1.247, -1.58, 0.658],
    ];
    const vocab = 12;
    const logits = tensorSpec(rows.flat(), [rows.length, vocab]);
    const { kept, cdf } = topK(logits, 5);
    cdf.forEach((row, b) => {
      const last = Math.max(...kept[b]);
      if (kept[b].has(vocab - 1) || exactAnswer(row, JUST_BELOW_ONE) !== last) throw new Error(`top-k: rounding-fallback row ${b} is off`);
    });
    list.push({
      name: 'hidden: u = 1 − 2⁻²⁴ (rounding leaves every cumulative value ≤ u: the last kept token)',
      public: false,
      args: [logits, 5, tensorSpec(rows.map(() => JUST_BELOW_ONE), [rows.length])],
    });
  }
  for (let i = 0; i < 3; i++) {
    const vocab = rng.int(3, 50);
    list.push(sampleCase(rng, `random ${i + 1}`, rng.normal([rng.int(1, 8), vocab], rng.pick([1, 2, 3])), rng.int(2, vocab - 1)));
  }
  // A GPT-2-sized vocabulary: an answer that compares every pair of tokens (vocab × vocab per row)
  // runs out of time or memory here.
  list.push(sampleCase(rng, 'GPT-2 vocabulary (50,257 tokens), k = 40', rng.normal([2, 50257], 2.5), 40));
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
  id: 'decoding/top-k-sampling',
  entry: 'topKSample',
  argNames: ['logits', 'k', 'u'],
  reference: topKSample,
  // [batch] int32: one sampled id per row of logits.
  output: tensorOf('int32', (args) => [shapeOf(args, 0)[0]]),
  cases,
  compare,
  mistakes: [
    {
      id: 'not-renormalized',
      title: 'kept probabilities not renormalized',
      explanation: 'After zeroing all but the top k, the kept probabilities sum to less than 1, so large uniforms fall off the end. Renormalize: divide by their sum, or softmax the masked logits.',
      diagnostic: 'mismatch',
    },
    {
      id: 'kth-token-excluded',
      title: 'the k-th token excluded (only k − 1 kept)',
      explanation: 'Keeping logits strictly greater than the k-th largest drops the k-th token itself. Keep exactly k tokens: the k that tf.topk returns.',
      diagnostic: 'mismatch',
    },
    {
      id: 'masked-with-zero',
      title: 'dropped tokens masked with 0 instead of −Infinity',
      explanation: 'A logit of 0 still has probability exp(0)/Σ — often more than the kept tokens when logits are negative. Set dropped logits to −Infinity (or zero their probabilities and renormalize).',
      diagnostic: 'mismatch',
    },
    {
      id: 'sorted-ascending',
      title: 'sorted ascending: the k smallest logits kept',
      explanation: 'Top-k keeps the k largest logits. tf.topk already returns the largest first; sorting ascending (or top-k of −logits) keeps the least likely tokens.',
      diagnostic: 'mismatch',
    },
    {
      id: 'ties-at-kth-all-kept',
      title: 'every token tied with the k-th logit kept',
      explanation: 'A threshold test (logits ≥ k-th largest) keeps all ties, i.e. more than k tokens. Exactly k are kept, ties going to the lower id — tf.topk’s indices give exactly that set.',
      diagnostic: 'mismatch',
    },
    {
      id: 'no-max-shift',
      title: 'softmax without subtracting the max (exp overflows)',
      explanation: 'exp(logit) is Infinity in float32 above about 88.7 and 0 below about −104, so exp(z)/Σexp(z) becomes Infinity/Infinity or 0/0 = NaN and no cumulative value ever exceeds u. Subtract the row max before exp (tf.softmax does) — the result is unchanged mathematically.',
      diagnostic: 'mismatch',
    },
    {
      id: 'cdf-greater-or-equal',
      title: 'inverse CDF picks the first cdf ≥ u instead of cdf > u',
      explanation: 'The sample is the first id whose cumulative probability is strictly greater than u (the count of cdf ≤ u). With ≥, a u exactly on a boundary picks the token before — and u = 0 picks id 0 even when its probability is 0.',
      diagnostic: 'mismatch',
    },
    {
      id: 'clamped-to-last-id',
      title: 'rounding fallback clamps to vocab − 1 instead of the last kept token',
      explanation: 'When float32 rounding leaves every cumulative value ≤ u (u within about 1e−7 of 1), the count of cdf ≤ u is vocab; clamping it to vocab − 1 can return a token that top-k dropped. Fall back to the last kept token (the largest kept id).',
      diagnostic: 'mismatch',
    },
    {
      id: 'sampled-in-sorted-order',
      title: 'inverse CDF taken in sorted order instead of vocabulary order',
      explanation: 'Sampling from tf.topk’s sorted list draws from the right distribution, but a given u then maps to a different token. The statement fixes the order: cumulative sums over ids 0, 1, 2, … with the dropped tokens at probability 0.',
      diagnostic: 'mismatch',
    },
    {
      id: 'keeps-k-plus-1',
      title: 'k + 1 tokens kept (threshold read one position too far)',
      explanation:
        'The k-th largest logit sits at sorted index k − 1. Reading the threshold at index k keeps one token too many.',
      diagnostic: 'mismatch',
    },
    {
      id: 'kept-first-k-ids',
      title: 'sorted positions used as token ids (ids 0 … k − 1 kept)',
      explanation:
        'tf.topk returns the kept token ids in indices; the mask must be built from those ids. Keeping positions 0 … k − 1 of the vocabulary keeps the first k tokens, whatever their logits.',
      diagnostic: 'mismatch',
    },
    {
      id: 'cdf-ge-u-over-kept',
      title: 'inverse CDF over the kept tokens picks the first cdf ≥ u instead of cdf > u',
      explanation:
        'Sample the first kept id whose cumulative probability is strictly greater than u. Stopping at cdf ≥ u picks the token just before when u falls exactly on a running total (u = 0 included).',
      diagnostic: 'mismatch',
    },
    {
      id: 'softmax-over-batch',
      title: 'softmax taken over the batch axis instead of the vocabulary',
      explanation:
        'Each row is its own distribution over the vocabulary: normalize the masked logits along the last axis, not across the rows of the batch.',
      diagnostic: 'mismatch',
    },
    {
      id: 'no-rounding-fallback',
      title: 'rounding fallback missing: returns vocab, not a token id',
      explanation:
        'When float32 rounding leaves every cumulative value ≤ u (u just below 1), the count of values ≤ u is vocab, which is not a token id. Clamp it to the last kept token.',
      diagnostic: 'mismatch',
    },
  ],
});
