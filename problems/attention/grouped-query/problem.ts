import { defineProblem, type CaseSpec } from '../../../src/judge/problem';
import { shapeOf, tensorOf } from '../../../src/judge/contract';
import { tensorSpec, type TensorSpec } from '../../../src/judge/inputs';
import type { Rng } from '../../../src/judge/rng';
import { groupedQueryAttention } from './reference';

function gqa(rng: Rng, b: number, nHeads: number, nKvHeads: number, tq: number, tk: number, d: number, dv: number, scale = 1) {
  return [rng.normal([b, nHeads, tq, d], scale), rng.normal([b, nKvHeads, tk, d], scale), rng.normal([b, nKvHeads, tk, dv])];
}

/** Largest allowed score Q_h·K_kv(h)/√d, in double precision. */
function maxScore(args: (TensorSpec | boolean)[]): number {
  const [q, k, , causal] = args as [TensorSpec, TensorSpec, TensorSpec, boolean];
  const [b, nHeads, tq, d] = q.shape;
  const [, nKvHeads, tk] = k.shape;
  const group = nHeads / nKvHeads;
  let max = -Infinity;
  for (let bi = 0; bi < b; bi++)
    for (let h = 0; h < nHeads; h++) {
      const kv = Math.floor(h / group);
      for (let i = 0; i < tq; i++)
        for (let j = 0; j < (causal ? i + 1 : tk); j++) {
          let dot = 0;
          for (let c = 0; c < d; c++) dot += q.data[((bi * nHeads + h) * tq + i) * d + c] * k.data[((bi * nKvHeads + kv) * tk + j) * d + c];
          max = Math.max(max, dot / Math.sqrt(d));
        }
    }
  return max;
}

/** The large-magnitude promise: some allowed score is above 710, where exp overflows even in float64. */
function overflowing(args: (TensorSpec | boolean)[]): (TensorSpec | boolean)[] {
  if (!(maxScore(args) > 710)) throw new Error('case generator: no allowed score above 710');
  return args;
}

function cases(rng: Rng): CaseSpec[] {
  // Example 1: 4 query heads, 2 kv heads, one query, two keys, d = dv = 1.
  const q1 = tensorSpec([1, 2, 1, 2], [1, 4, 1, 1]);
  const k1 = tensorSpec([1, 0, 0, 1], [1, 2, 2, 1]);
  const v1 = tensorSpec([1, 3, 2, 6], [1, 2, 2, 1]);
  // Example 2: multi-query (one kv head), causal, t = 2, d = 2.
  const q2 = tensorSpec([1, 0, 0, 1, 0, 2, 2, 0], [1, 2, 2, 2]);
  const k2 = tensorSpec([1, 1, 0, 2], [1, 1, 2, 2]);
  const v2 = tensorSpec([1, 0, 0, 1], [1, 1, 2, 2]);
  const list: CaseSpec[] = [
    { name: 'example 1: 4 query heads share 2 kv heads', public: true, args: [q1, k1, v1, false] },
    { name: 'example 2: multi-query, causal', public: true, args: [q2, k2, v2, true] },
    { name: 'example 3: batch 2, 6 heads / 3 kv heads, causal', public: true, args: [...gqa(rng, 2, 6, 3, 4, 4, 4, 4), true] },
    { name: 'hidden: batch 1, 8 heads / 2 kv heads', public: false, args: [...gqa(rng, 1, 8, 2, 3, 5, 4, 4), false] },
    { name: 'hidden: 8 heads / 4 kv heads, causal', public: false, args: [...gqa(rng, 2, 8, 4, 5, 5, 8, 8), true] },
    { name: 'hidden: multi-query (1 kv head)', public: false, args: [...gqa(rng, 2, 4, 1, 3, 6, 4, 2), false] },
    { name: 'hidden: nKvHeads = nHeads (plain multi-head)', public: false, args: [...gqa(rng, 1, 3, 3, 4, 4, 4, 4), true] },
    { name: 'hidden: tq = 1 (one decoding step)', public: false, args: [...gqa(rng, 2, 6, 2, 1, 7, 8, 4), false] },
    { name: 'hidden: tq ≠ tk, dv ≠ d', public: false, args: [...gqa(rng, 1, 4, 2, 5, 3, 6, 3), false] },
    { name: 'hidden: group of 4, causal, t = 1', public: false, args: [...gqa(rng, 3, 8, 2, 1, 1, 4, 4), true] },
    { name: 'hidden: large-magnitude inputs', public: false, args: overflowing([...gqa(rng, 2, 4, 2, 4, 4, 16, 4, 40), true]) },
    { name: 'hidden: large-magnitude inputs, not causal, tq ≠ tk', public: false, args: overflowing([...gqa(rng, 1, 6, 3, 3, 5, 8, 8, 40), false]) },
  ];
  for (let i = 0; i < 3; i++) {
    const nKvHeads = rng.int(1, 3);
    const nHeads = nKvHeads * rng.int(2, 4);
    const causal = i !== 1;
    const tq = rng.int(1, 6);
    const tk = causal ? tq : rng.int(1, 6);
    list.push({
      name: `hidden: random shapes ${i + 1}${causal ? ', causal' : ''}`,
      public: false,
      args: [...gqa(rng, rng.int(1, 2), nHeads, nKvHeads, tq, tk, rng.int(2, 8), rng.int(1, 8)), causal],
    });
  }
  return list;
}

export default defineProblem({
  id: 'attention/grouped-query',
  entry: 'groupedQueryAttention',
  argNames: ['q', 'k', 'v', 'causal'],
  reference: groupedQueryAttention,
  // [b, nHeads, tq, dv] float32: q's first three axes, v's feature width.
  output: tensorOf('float32', (args) => [...shapeOf(args, 0).slice(0, 3), shapeOf(args, 2)[3]]),
  cases,
  mistakes: [
    {
      id: 'kv-heads-tiled',
      title: 'kv heads tiled (interleaved) instead of repeated',
      explanation:
        'tf.tile(k, [1, group, 1, 1]) gives the order kv0, kv1, kv0, kv1, …, so query head h uses kv head h % nKvHeads. The groups are contiguous: repeat each kv head `group` times in place (expandDims + tile on the new axis + reshape, i.e. repeat_interleave), so head h uses kv head floor(h / group).',
      diagnostic: 'mismatch',
    },
    {
      id: 'treated-as-mha',
      title: 'treated as multi-head attention: kv heads never expanded',
      explanation:
        'k and v have nKvHeads heads, q has nHeads: the batched matMul cannot pair them. Share each kv head with its group of nHeads / nKvHeads query heads first.',
      diagnostic: 'runtime-error',
    },
    {
      id: 'scaled-by-model-dim',
      title: 'scores scaled by √(nHeads·d) instead of √d',
      explanation: 'The scale is 1/√d with d the per-head size (the last axis of q), not the model width.',
      diagnostic: 'mismatch',
    },
    {
      id: 'missing-scale',
      title: 'scores not scaled by √d',
      explanation: 'Divide q·kᵀ by Math.sqrt(d) before the softmax, where d is the head size.',
      diagnostic: 'mismatch',
    },
    {
      id: 'scaled-by-sqrt-dv',
      title: 'scores scaled by √d_v (the value width) instead of √d',
      explanation: 'The dot products sum over the query/key head size d (the last axis of q); v’s width dv plays no part in the scale.',
      diagnostic: 'mismatch',
    },
    {
      id: 'softmax-over-query-axis',
      title: 'softmax taken over the query axis',
      explanation: 'Each query row is a distribution over the keys: tf.softmax(scores, -1) on scores of shape [b, nHeads, tq, tk].',
      diagnostic: 'mismatch',
    },
    {
      id: 'unstable-softmax',
      title: 'softmax without subtracting the row maximum',
      explanation: 'exp of scores in the hundreds overflows to Infinity and the row becomes NaN. Subtract the row max before exp, or use tf.softmax.',
      diagnostic: 'non-finite',
    },
    {
      id: 'causal-mask-on-stacked-rows',
      title: "causal mask built on the stacked group·tq rows without taking the row index mod tq",
      explanation:
        'With each group\'s query heads stacked as rows [b, nKvHeads, group·tq, d], stacked row r is query position r % tq (of head r / tq). A band mask on the [group·tq, tk] score matrix lets row r see keys 0..r, so every head after the first in a group also sees future keys. Mask with j ≤ r % tq (or build the [tq, tk] mask and tile it group times).',
      diagnostic: 'mismatch',
    },
    {
      id: 'masked-scores-zeroed',
      title: 'masked scores set to 0 (scores multiplied by the mask) instead of −∞',
      explanation:
        'A score of 0 is an ordinary score: exp(0 − max) still gives the future key a share of the softmax. Masked positions must get −∞ (or a large negative number such as −1e9) so their weight is 0: tf.where(mask, scores, −1e9), or add (1 − mask)·(−1e9).',
      diagnostic: 'mismatch',
    },
    {
      id: 'causal-ignored',
      title: 'causal flag ignored',
      explanation: 'With causal = true, query i may only attend keys 0..i: mask the scores above the diagonal before the softmax.',
      diagnostic: 'mismatch',
    },
    {
      id: 'causal-mask-excludes-self',
      title: 'causal mask also hides the diagonal (keys j < i only)',
      explanation: 'Query i may attend keys 0..i, itself included. A strict lower-triangular mask removes the own key and leaves row 0 with nothing to attend. Keep j ≤ i: bandPart(ones, -1, 0).',
      diagnostic: 'mismatch',
    },
    {
      id: 'causal-mask-excludes-self-filled',
      title: 'causal mask also hides the diagonal (keys j < i only)',
      explanation: 'Query i may attend keys 0..i, itself included. A strict lower-triangular mask removes the own key, and row 0, with every score filled with −1e9, spreads its weight evenly over all keys. Keep j ≤ i: bandPart(ones, -1, 0).',
      diagnostic: 'mismatch',
    },
    {
      id: 'causal-mask-upper-triangle',
      title: 'causal mask keeps the upper triangle (future keys) instead of the lower',
      explanation: 'bandPart(ones, 0, -1) keeps keys j ≥ i, so each query sees the future instead of the past. The allowed region is j ≤ i: bandPart(ones, -1, 0).',
      diagnostic: 'mismatch',
    },
    {
      id: 'scores-multiplied-by-sqrt-d',
      title: 'scores multiplied by √d instead of divided by it',
      explanation: 'The scaled dot product is q·kᵀ / √d. Multiplying by √d sharpens the softmax instead of tempering it.',
      diagnostic: 'mismatch',
    },
    {
      id: 'scaled-by-d',
      title: 'scores divided by d instead of √d',
      explanation: 'The scale is 1/√d (d the head size), not 1/d: dividing by d flattens the attention weights too much.',
      diagnostic: 'mismatch',
    },
    {
      id: 'causal-always-applied',
      title: 'causal mask applied even when causal is false',
      explanation: 'Only mask when the causal flag is true; with causal = false every query attends every key (and tq may differ from tk).',
      diagnostic: 'mismatch',
    },
    {
      id: 'mask-after-softmax',
      title: 'causal mask applied to the weights after the softmax',
      explanation: 'Zeroing the weights of future keys after the softmax leaves rows that no longer sum to 1. Mask the scores with −∞ (or −1e9) before the softmax so the allowed keys share the full weight.',
      diagnostic: 'mismatch',
    },
  ],
});
