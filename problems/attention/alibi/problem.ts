import { defineProblem, type CaseSpec } from '../../../src/judge/problem';
import { shapeOf, tensorOf } from '../../../src/judge/contract';
import { tensorSpec, type TensorSpec } from '../../../src/judge/inputs';
import type { Rng } from '../../../src/judge/rng';
import { alibiAttention } from './reference';

function zeros(shape: number[]): TensorSpec {
  return tensorSpec(new Array(shape.reduce((a, b) => a * b, 1)).fill(0), shape);
}

/** q, k, v of shape [b, nHeads, t, dHead]; `scale` multiplies q and k (the scores grow with its square). */
function attn(rng: Rng, b: number, nHeads: number, t: number, dHead: number, scale = 1): TensorSpec[] {
  const shape = [b, nHeads, t, dHead];
  return [rng.normal(shape, scale), rng.normal(shape, scale), rng.normal(shape)];
}

/** Zero queries and keys: every score is 0, so the output is decided by the ALiBi bias alone. */
function biasOnly(rng: Rng, b: number, nHeads: number, t: number, dHead: number): TensorSpec[] {
  const shape = [b, nHeads, t, dHead];
  return [zeros(shape), zeros(shape), rng.normal(shape)];
}

/** The promise of the large-magnitude case: some allowed (j ≤ i) scaled score is above 710. */
function overflowing(args: TensorSpec[]): TensorSpec[] {
  const [q, k] = args;
  const [b, h, t, d] = q.shape;
  let max = -Infinity;
  for (let s = 0; s < b * h; s++)
    for (let i = 0; i < t; i++)
      for (let j = 0; j <= i; j++) {
        let dot = 0;
        for (let c = 0; c < d; c++) dot += q.data[(s * t + i) * d + c] * k.data[(s * t + j) * d + c];
        max = Math.max(max, dot / Math.sqrt(d));
      }
  if (!(max > 710)) throw new Error(`case generator: largest allowed score ${max} is not above 710`);
  return args;
}

/** Same q, k, v in every head, so the heads differ only by their slopes (example 2). */
function sameInEveryHead(values: number[], nHeads: number, t: number, d: number): TensorSpec {
  const data: number[] = [];
  for (let h = 0; h < nHeads; h++) data.push(...values);
  return tensorSpec(data, [1, nHeads, t, d]);
}

function cases(rng: Rng): CaseSpec[] {
  const list: CaseSpec[] = [
    {
      name: 'example 1: 2 heads, zero scores (bias only)',
      public: true,
      args: [zeros([1, 2, 3, 1]), zeros([1, 2, 3, 1]), tensorSpec([0, 1, 2, 0, 1, 2], [1, 2, 3, 1])],
    },
    {
      name: 'example 2: 6 heads (not a power of two), same q, k, v in every head',
      public: true,
      args: [sameInEveryHead([1, 0, 0, 1], 6, 2, 2), sameInEveryHead([1, 0, 0, 1], 6, 2, 2), sameInEveryHead([1, 0, 0, 1], 6, 2, 2)],
    },
    { name: 'example 3: batch 2, 4 heads, t = 5', public: true, args: attn(rng, 2, 4, 5, 8) },
    { name: 'hidden: 8 heads (slopes 1/2 … 1/256), batch 1', public: false, args: attn(rng, 1, 8, 12, 8) },
    { name: 'hidden: one head (slope 1/256)', public: false, args: attn(rng, 2, 1, 6, 4) },
    { name: 'hidden: 16 heads', public: false, args: attn(rng, 1, 16, 6, 4) },
    { name: 'hidden: bias only, 8 heads, long sequence t = 40', public: false, args: biasOnly(rng, 1, 8, 40, 4) },
    { name: 'hidden: bias only, 2 heads, t = 24', public: false, args: biasOnly(rng, 2, 2, 24, 2) },
    { name: 'hidden: 3 heads (not a power of two)', public: false, args: attn(rng, 2, 3, 7, 4) },
    { name: 'hidden: 5 heads (not a power of two)', public: false, args: attn(rng, 1, 5, 6, 4) },
    { name: 'hidden: 12 heads (not a power of two), bias only', public: false, args: biasOnly(rng, 1, 12, 16, 2) },
    { name: 'hidden: 24 heads (not a power of two)', public: false, args: attn(rng, 1, 24, 5, 2) },
    { name: 'hidden: t = 1', public: false, args: attn(rng, 3, 4, 1, 8) },
    { name: 'hidden: head size 1', public: false, args: attn(rng, 2, 2, 6, 1) },
    { name: 'hidden: large-magnitude scores (above 710)', public: false, args: overflowing(attn(rng, 2, 4, 8, 8, 20)) },
  ];
  for (let i = 0; i < 3; i++) {
    list.push({
      name: `hidden: random shapes ${i + 1}`,
      public: false,
      args: attn(rng, rng.int(1, 3), rng.pick([1, 2, 3, 4, 6, 8]), rng.int(2, 10), rng.pick([2, 4, 8, 16])),
    });
  }
  return list;
}

export default defineProblem({
  id: 'attention/alibi',
  entry: 'alibiAttention',
  argNames: ['q', 'k', 'v'],
  reference: alibiAttention,
  // [b, nHeads, t, dHead] float32: the shape of v (q, k and v share it).
  output: tensorOf('float32', (args) => shapeOf(args, 2)),
  cases,
  mistakes: [
    {
      id: 'bias-sign-flipped',
      title: 'bias +m·(i − j) instead of −m·(i − j)',
      explanation: 'ALiBi penalizes distance: a key i − j steps back gets −m·(i − j), so nearer keys weigh more. A positive bias rewards the most distant keys instead.',
      diagnostic: 'mismatch',
    },
    {
      id: 'slopes-hardcoded-for-8-heads',
      title: 'slopes 1/2, 1/4, 1/8, … (the 8-head sequence) for every head count',
      explanation: 'The ratio of the geometric sequence depends on the number of heads: m_h = 2^(−8(h+1)/n). 2^(−(h+1)) is right only for 8 heads.',
      diagnostic: 'mismatch',
    },
    {
      id: 'slopes-from-exponent-zero',
      title: 'slopes 2^(−8h/n), so the first head has slope 1',
      explanation: 'Heads are numbered from 0 but the exponent uses h + 1: the first slope is 2^(−8/n) and the last 2^(−8), never 1.',
      diagnostic: 'mismatch',
    },
    {
      id: 'naive-slopes-for-any-head-count',
      title: 'power-of-two slope formula 2^(−8(h+1)/H) used when H is not a power of two',
      explanation:
        'For a head count that is not a power of two, the first n = 2^⌊log₂H⌋ heads use 2^(−8(h+1)/n) and the remaining H − n heads take 2^(−8(2j+1)/(2n)) (every other slope of the 2n-head sequence), appended in that order.',
      diagnostic: 'mismatch',
    },
    {
      id: 'extra-slopes-odd-positions',
      title: 'extra heads take the odd positions of the 2n-head sequence',
      explanation:
        'The extra heads use slopes 0, 2, 4, … of the 2n-head sequence, 2^(−8(2j+1)/(2n)); positions 1, 3, 5, … repeat slopes the first n heads already have.',
      diagnostic: 'mismatch',
    },
    {
      id: 'slopes-reversed',
      title: 'slopes assigned in reverse order (smallest slope to head 0)',
      explanation: 'Head 0 gets the steepest slope 2^(−8/n) and the slopes shrink with the head index; reversing them gives every head another head\'s bias.',
      diagnostic: 'mismatch',
    },
    {
      id: 'bias-scaled-with-scores',
      title: 'bias added before dividing by √dHead',
      explanation: 'The bias is added to the already-scaled scores: q·kᵀ/√dHead − m·(i − j). Adding it first also shrinks the bias by √dHead.',
      diagnostic: 'mismatch',
    },
    {
      id: 'no-causal-mask',
      title: 'no causal mask (the bias alone does not hide future keys)',
      explanation: 'ALiBi replaces position embeddings, not the causal mask: keys after the query (j > i) must still be masked out. Without the mask they even get a positive bias m·(j − i).',
      diagnostic: 'mismatch',
    },
    {
      id: 'unstable-softmax',
      title: 'softmax without subtracting the row maximum',
      explanation: 'exp of scores in the hundreds overflows to Infinity and the output becomes NaN. Subtract each row\'s maximum before exp, or use tf.softmax.',
      diagnostic: 'non-finite',
    },
  ],
});
