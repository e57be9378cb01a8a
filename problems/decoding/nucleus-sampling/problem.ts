import { defineProblem, type CaseSpec } from '../../../src/judge/problem';
import { shapeOf, tensorOf } from '../../../src/judge/contract';
import { compareValues, type Plain } from '../../../src/judge/compare';
import { tensorSpec, type TensorSpec } from '../../../src/judge/inputs';
import type { Rng } from '../../../src/judge/rng';
import type { Diagnostic, Tolerance } from '../../../src/shared/protocol';
import { topPSample } from './reference';

/** In the random cases p and the uniforms stay this far from the values that decide the answer. */
const MARGIN = 1e-4;
/** The largest float32 below 1. */
const JUST_BELOW_ONE = 1 - 2 ** -24;
/** exp(x) overflows float32 above this. */
const EXP_OVERFLOW = 88.73;

interface Nucleus {
  /** Per row: the probabilities sorted largest first (ties → lower id), and the mass ahead of each. */
  sorted: number[][];
  ahead: number[][];
  /** Per row: the kept ids and the renormalized CDF in vocabulary order. */
  kept: Set<number>[];
  cdf: number[][];
}

/** The nucleus of every row, in float64. */
function nucleus(logits: TensorSpec, p: number): Nucleus {
  const [batch, vocab] = logits.shape;
  const out: Nucleus = { sorted: [], ahead: [], kept: [], cdf: [] };
  for (let b = 0; b < batch; b++) {
    const z = Array.from(logits.data.slice(b * vocab, (b + 1) * vocab), Number);
    const m = Math.max(...z);
    const e = z.map((x) => Math.exp(x - m));
    const s = e.reduce((a, c) => a + c, 0);
    const probs = e.map((x) => x / s);
    const order = [...probs.keys()].sort((i, j) => probs[j] - probs[i] || i - j);
    const ahead: number[] = [];
    const kept = new Set<number>();
    let acc = 0;
    for (const i of order) {
      ahead.push(acc);
      if (acc < p) kept.add(i);
      acc += probs[i];
    }
    const keptMass = [...kept].reduce((a, i) => a + probs[i], 0);
    let c = 0;
    out.sorted.push(order.map((i) => probs[i]));
    out.ahead.push(ahead);
    out.kept.push(kept);
    out.cdf.push(probs.map((q, i) => (c += kept.has(i) ? q / keptMass : 0)));
  }
  return out;
}

/**
 * True when float32 rounding cannot move the cut: p is clear of the running totals on both sides of
 * it, and the last kept and first dropped probabilities are exactly tied (equal logits) or clearly
 * apart (a near-tie could swap order in float32).
 */
function cutIsClear(n: Nucleus, b: number, p: number): boolean {
  const m = n.kept[b].size;
  const { ahead, sorted } = { ahead: n.ahead[b], sorted: n.sorted[b] };
  if (!(p - ahead[m - 1] > MARGIN)) return false;
  if (m === ahead.length) return true;
  const gap = sorted[m - 1] - sorted[m];
  return ahead[m] - p > MARGIN && (gap === 0 || gap > 1e-5 * sorted[m - 1]);
}

/** Draws logits until every cut is clear, then uniforms at least MARGIN from the nucleus CDF. */
function sampleCase(rng: Rng, name: string, draw: () => TensorSpec, p: number, pub = false): CaseSpec {
  for (;;) {
    const logits = draw();
    const n = nucleus(logits, p);
    if (!n.kept.every((_, b) => cutIsClear(n, b, p))) continue;
    const u = n.cdf.map((row) => {
      for (;;) {
        const x = Math.fround(rng.next());
        if (x < 1 - MARGIN && row.every((c) => Math.abs(c - x) > MARGIN)) return x;
      }
    });
    return { name: pub ? name : `hidden: ${name}`, public: pub, args: [logits, p, tensorSpec(u, [u.length])] };
  }
}

/** The first id whose float64 cumulative probability is > u (the answer in exact arithmetic). */
function exactAnswer(cdf: number[], u: number): number {
  return cdf.findIndex((c) => c > u);
}

/** A peaked next-token distribution over a large vocabulary: a handful of likely tokens, a long tail. */
function peaked(rng: Rng, batch: number, vocab: number, likely: number): TensorSpec {
  const logits = rng.normal([batch, vocab], 1.5);
  for (let b = 0; b < batch; b++) {
    for (let j = 0; j < likely; j++) logits.data[b * vocab + rng.int(0, vocab - 1)] += 10 + 4 * rng.next();
  }
  return logits;
}

function cases(rng: Rng): CaseSpec[] {
  const example = tensorSpec([2, 0.5, 1.5, -1, 0.8, 0.2, 1.2, -0.3, 2.1, 0.9], [2, 5]);
  const list: CaseSpec[] = [
    { name: 'example 1: p = 0.85', public: true, args: [example, 0.85, tensorSpec([0.98, 0.78], [2])] },
    { name: 'example 2: p = 0.9', public: true, args: [example, 0.9, tensorSpec([0.85, 0.5], [2])] },
    sampleCase(rng, 'p = 0.9', () => rng.normal([6, 12]), 0.9),
    sampleCase(rng, 'p = 0.5', () => rng.normal([6, 10], 1.5), 0.5),
    sampleCase(rng, 'p below the top probability (greedy)', () => rng.normal([5, 8], 3), 0.05),
    sampleCase(rng, 'p = 1 keeps every token', () => rng.normal([4, 9]), 1),
    sampleCase(rng, 'batch 1, vocabulary 50, p = 0.8', () => rng.normal([1, 50], 2), 0.8),
    sampleCase(rng, 'flat distribution, p = 0.6', () => rng.normal([4, 16], 0.2), 0.6),
    sampleCase(rng, 'large-magnitude logits (numerical stability), p = 0.95', () => rng.normal([4, 16], 30), 0.95),
    sampleCase(rng, 'vocabulary of 2, p = 0.7', () => rng.normal([8, 2]), 0.7),
    sampleCase(rng, 'tied probabilities around the cut (lower id first)', () => tensorSpec(Array.from({ length: 6 * 8 }, () => rng.int(0, 2)), [6, 8]), 0.55),
  ];
  list.push(
    sampleCase(
      rng,
      'logits around 100 (exp overflows float32 without the max shift), p = 0.8',
      () => {
        const big = rng.uniform([4, 12], 95, 105);
        if (!big.data.every((x) => x > EXP_OVERFLOW)) throw new Error('nucleus: the overflow case needs every logit above 88.7');
        return big;
      },
      0.8,
    ),
    sampleCase(
      rng,
      'logits around −115 (exp underflows float32 without the max shift), p = 0.7',
      () => {
        const small = rng.uniform([4, 12], -125, -110);
        if (!small.data.every((x) => Math.exp(x) < 2 ** -150)) throw new Error('nucleus: the underflow case needs exp(logit) = 0 in float32');
        return small;
      },
      0.7,
    ),
  );
  {
    // Exact probabilities: logits 0 and −1000 give probabilities of exactly 1/2 or 1/4 (and exactly 0)
    // in float32 and float64 alike. With p = 0.5 the running total reaches p exactly: the token with
    // exactly 0.5 ahead of it is not kept. The uniforms sit exactly on boundaries of the renormalized
    // CDF (strictly greater wins) or are 0 in front of dropped tokens (never sampled).
    const X = -1000;
    const rows = [
      [X, 0, 0, X, 0, 0, X, X],
      [X, 0, 0, X, 0, 0, X, X],
      [X, 0, 0, X, 0, 0, X, X],
      [0, 0, X, X, X, X, X, X],
      [X, X, 0, 0, 0, 0, X, X],
      [X, X, 0, 0, 0, 0, X, X],
    ];
    const u = [0, 0.5, 0.75, 0.75, 0.5, 0];
    const want = [1, 2, 2, 0, 3, 2];
    const logits = tensorSpec(rows.flat(), [rows.length, 8]);
    const n = nucleus(logits, 0.5);
    n.cdf.forEach((row, b) => {
      if (exactAnswer(row, u[b]) !== want[b] || !row.every((c) => [0, 0.5, 1].includes(c))) throw new Error(`nucleus: exact row ${b} is off`);
    });
    list.push({ name: 'hidden: exact probabilities: p equal to a running total, u exactly 0 and on boundaries', public: false, args: [logits, 0.5, tensorSpec(u, [u.length])] });
  }
  {
    // u = 1 − 2⁻²⁴, the largest float32 below 1: in exact arithmetic the last nucleus token, but the
    // float32 cumulative sums of these rows end a hair below 1 (at or under u with tf.softmax and
    // tf.cumsum on cpu; rows 2 and 3 on wasm too), so no cumulative value exceeds u. The answer is
    // still the last kept token, not vocab − 1 (outside the nucleus here).
    const rows = [
      [-0.325, -0.468, -1.048, 0.641, 1.854, 1.037, 0.882, 1.12, -0.184, 0.891, 1.161, -0.214],
      [-0.684, -1.784, 1.542, 0.593, -0.519, 1.598, -0.441, -0.517, 0.397, 0.732, 1.185, -0.398],
      [-1.413, -1.071, -0.764, -0.248, -1.142, -1.64, -1.593, 0.76, 0.732, 0.88, 0.327, -1.461],
      [0.048, -1.476, 1.58, 0.382, 0.216, 1.836, -1.381, -1.793, -0.491, -1.675, 1.26, -0.71],
    ];
    const vocab = 12;
    const logits = tensorSpec(rows.flat(), [rows.length, vocab]);
    const n = nucleus(logits, 0.8);
    n.cdf.forEach((row, b) => {
      const last = Math.max(...n.kept[b]);
      if (!cutIsClear(n, b, 0.8) || n.kept[b].has(vocab - 1) || exactAnswer(row, JUST_BELOW_ONE) !== last) throw new Error(`nucleus: rounding-fallback row ${b} is off`);
    });
    list.push({
      name: 'hidden: u = 1 − 2⁻²⁴ (rounding leaves every cumulative value ≤ u: the last kept token)',
      public: false,
      args: [logits, 0.8, tensorSpec(rows.map(() => JUST_BELOW_ONE), [rows.length])],
    });
  }
  for (let i = 0; i < 3; i++) {
    const batch = rng.int(1, 8);
    const vocab = rng.int(3, 50);
    const scale = rng.pick([0.5, 1, 2, 3]);
    list.push(sampleCase(rng, `random ${i + 1}`, () => rng.normal([batch, vocab], scale), rng.pick([0.3, 0.6, 0.75, 0.9, 0.95])));
  }
  // A GPT-2-sized vocabulary with a realistic, peaked distribution: an answer that compares every
  // pair of tokens (vocab × vocab per row) runs out of time or memory here.
  list.push(sampleCase(rng, 'GPT-2 vocabulary (50,257 tokens), peaked distribution, p = 0.8', () => peaked(rng, 2, 50257, 20), 0.8));
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
  id: 'decoding/nucleus-sampling',
  entry: 'topPSample',
  argNames: ['logits', 'p', 'u'],
  reference: topPSample,
  // [batch] int32: one sampled id per row of logits.
  output: tensorOf('int32', (args) => [shapeOf(args, 0)[0]]),
  cases,
  compare,
  mistakes: [
    {
      id: 'crossing-token-excluded',
      title: 'the token that crosses p is dropped',
      explanation: 'The nucleus is the smallest set whose mass reaches p, so the token that crosses p belongs to it: keep a sorted token when the mass *before* it (exclusive cumsum) is < p. Stopping before the token that would take the running total to p or beyond (keeping only inclusive cumsum < p, or ≤ p) leaves the nucleus one token short, and its mass below p.',
      diagnostic: 'mismatch',
    },
    {
      id: 'not-sorted',
      title: 'cumulative mass taken in vocabulary order (no sort)',
      explanation: 'The nucleus is built from the most probable tokens: sort probabilities in descending order (tf.topk(probs, vocab)) before the cumulative sum, then map the cut back to token ids.',
      diagnostic: 'mismatch',
    },
    {
      id: 'cumsum-of-logits',
      title: 'cumulative sum of logits instead of probabilities',
      explanation: 'p is a probability mass: accumulate softmax probabilities, not raw logits (which are unnormalized and can be negative).',
      diagnostic: 'mismatch',
    },
    {
      id: 'not-renormalized',
      title: 'nucleus not renormalized before sampling',
      explanation: 'After dropping the tail the kept probabilities sum to less than 1, so large uniforms run off the end. Renormalize (softmax of the masked logits, or divide by the kept mass).',
      diagnostic: 'mismatch',
    },
    {
      id: 'sorted-ascending',
      title: 'sorted ascending: the nucleus grown from the least likely tokens',
      explanation: 'Top-p keeps the most probable tokens until their mass reaches p. Sorting ascending (or top-k of −probs) accumulates the tail instead and keeps the least likely tokens. tf.topk already sorts largest first.',
      diagnostic: 'mismatch',
    },
    {
      id: 'no-max-shift',
      title: 'softmax without subtracting the max (exp overflows)',
      explanation: 'exp(logit) is Infinity in float32 above about 88.7 and 0 below about −104, so exp(z)/Σexp(z) becomes NaN. Subtract the row max before exp (tf.softmax does) — the probabilities are unchanged mathematically.',
      diagnostic: 'mismatch',
    },
    {
      id: 'cdf-greater-or-equal',
      title: 'inverse CDF picks the first cdf ≥ u instead of cdf > u',
      explanation: 'The sample is the first id whose cumulative probability is strictly greater than u (the count of cdf ≤ u). With ≥, a u exactly on a boundary picks the token before — and u = 0 picks id 0 even when it is outside the nucleus.',
      diagnostic: 'mismatch',
    },
    {
      id: 'sampled-in-sorted-order',
      title: 'inverse CDF taken in sorted order instead of vocabulary order',
      explanation: 'Sampling along the sorted nucleus draws from the right distribution, but a given u then maps to a different token. The statement fixes the order: cumulative sums over ids 0, 1, 2, … with the dropped tokens at probability 0.',
      diagnostic: 'mismatch',
    },
    {
      id: 'keeps-at-exact-p',
      title: 'a token kept while the mass before it is ≤ p (one extra token when a running total equals p)',
      explanation:
        'A token joins the nucleus while the mass of the tokens before it is strictly below p. With ≤, a running total that lands exactly on p lets the next token in too, so the nucleus is one token too large.',
      diagnostic: 'mismatch',
    },
    {
      id: 'cdf-ge-u-over-nucleus',
      title: 'inverse CDF over the nucleus picks the first cdf ≥ u instead of cdf > u',
      explanation:
        'Sample the first kept id whose cumulative probability is strictly greater than u. Stopping at cdf ≥ u picks the token just before when u falls exactly on a running total (u = 0 included).',
      diagnostic: 'mismatch',
    },
    {
      id: 'threshold-keeps-ties',
      title: 'every token tied with the last nucleus token kept',
      explanation:
        'The nucleus is the sorted prefix that first reaches p: when several tokens tie with the last one at the cut, only those up to the cut position (lower ids first) belong to it. Keeping every token with probability ≥ the cut value adds the tied ones after it.',
      diagnostic: 'mismatch',
    },
    {
      id: 'fallback-vocab-minus-1',
      title: 'rounding fallback clamps to vocab − 1, a token outside the nucleus',
      explanation:
        'When float32 rounding leaves every cumulative value ≤ u (u just below 1), the sample must be the last kept token. Clamping the count to vocab − 1 returns the last id of the vocabulary even when it is not in the nucleus.',
      diagnostic: 'mismatch',
    },
    {
      id: 'softmax-over-batch',
      title: 'softmax taken over the batch axis instead of the vocabulary',
      explanation:
        'Each row is its own distribution over the vocabulary: normalize along the last axis (tf.softmax’s default), not across the rows of the batch.',
      diagnostic: 'mismatch',
    },
    {
      id: 'no-rounding-fallback',
      title: 'rounding fallback missing: returns vocab, not a token id',
      explanation:
        'When float32 rounding leaves every cumulative value ≤ u (u just below 1), the count of values ≤ u is vocab, which is not a token id. Clamp it to the last token of the nucleus (in vocabulary order).',
      diagnostic: 'mismatch',
    },
    {
      id: 'crossing-token-excluded-empty',
      title: 'the token that crosses p is dropped, leaving an empty nucleus when p is below the top probability',
      explanation:
        'A token joins the nucleus while the mass before it is below p, so the token that crosses p is kept and the nucleus always holds at least the top token. Stopping before the crossing token keeps too few tokens, and none at all when the top probability alone exceeds p.',
      diagnostic: 'mismatch',
    },
  ],
});
