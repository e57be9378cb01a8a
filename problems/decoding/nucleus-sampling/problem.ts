import { defineProblem, type CaseSpec } from '../../../src/judge/problem';
import { shapeOf, tensorOf } from '../../../src/judge/contract';
import { compareValues, type Plain } from '../../../src/judge/compare';
import { tensorSpec, type TensorSpec } from '../../../src/judge/inputs';
import type { Rng } from '../../../src/judge/rng';
import type { Diagnostic, Tolerance } from '../../../src/shared/protocol';
import { topPSample } from './reference';

/** p and the uniforms stay this far from every cumulative value, so float32 rounding never matters. */
const MARGIN = 1e-4;

/** Per row, in float64: the mass ahead of each token (sorted order) and the nucleus CDF in vocabulary order. */
function nucleus(logits: TensorSpec, p: number): { ahead: number[][]; cdf: number[][] } {
  const [batch, vocab] = logits.shape;
  const ahead: number[][] = [];
  const cdf: number[][] = [];
  for (let b = 0; b < batch; b++) {
    const z = Array.from(logits.data.slice(b * vocab, (b + 1) * vocab), Number);
    const m = Math.max(...z);
    const e = z.map((x) => Math.exp(x - m));
    const s = e.reduce((a, c) => a + c, 0);
    const probs = e.map((x) => x / s);
    const order = [...probs.keys()].sort((i, j) => probs[j] - probs[i] || i - j);
    const rowAhead: number[] = [];
    let acc = 0;
    for (const i of order) {
      rowAhead.push(acc);
      acc += probs[i];
    }
    const kept = order.filter((_, r) => rowAhead[r] < p);
    const keptMass = kept.reduce((a, i) => a + probs[i], 0);
    let c = 0;
    cdf.push(probs.map((q, i) => (c += kept.includes(i) ? q / keptMass : 0)));
    ahead.push(rowAhead);
  }
  return { ahead, cdf };
}

/** Draws logits until p is clear of every row's cumulative masses, then uniforms clear of the nucleus CDF. */
function sampleCase(rng: Rng, name: string, draw: () => TensorSpec, p: number, pub = false): CaseSpec {
  for (;;) {
    const logits = draw();
    const { ahead, cdf } = nucleus(logits, p);
    if (!ahead.every((row) => row.every((a) => Math.abs(a - p) > MARGIN))) continue;
    const u = cdf.map((row) => {
      for (;;) {
        const x = Math.fround(rng.next());
        if (x < 1 - MARGIN && row.every((c) => Math.abs(c - x) > MARGIN)) return x;
      }
    });
    return { name: pub ? name : `hidden: ${name}`, public: pub, args: [logits, p, tensorSpec(u, [u.length])] };
  }
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
  for (let i = 0; i < 3; i++) {
    const batch = rng.int(1, 8);
    const vocab = rng.int(3, 50);
    const scale = rng.pick([0.5, 1, 2, 3]);
    list.push(sampleCase(rng, `random ${i + 1}`, () => rng.normal([batch, vocab], scale), rng.pick([0.3, 0.6, 0.75, 0.9, 0.95])));
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
      explanation: 'The nucleus is the smallest set whose mass reaches p, so the token that crosses p belongs to it: keep token i when the mass *before* it (exclusive cumsum) is < p. Keeping only cumsum ≤ p drops it — and drops everything when the top token alone exceeds p.',
      diagnostic: 'mismatch',
    },
    {
      id: 'not-sorted',
      title: 'cumulative mass taken in vocabulary order (no sort)',
      explanation: 'The nucleus is built from the most probable tokens: sort probabilities in descending order (tf.topk(probs, vocab)) before the cumulative sum, then map the mask back to token ids.',
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
  ],
});
