import { defineProblem, type ArgSpec, type CaseSpec } from '../../../src/judge/problem';
import { shapeOf, tensorOf } from '../../../src/judge/contract';
import { tensorSpec, type TensorSpec } from '../../../src/judge/inputs';
import type { Rng } from '../../../src/judge/rng';
import { crossAttention } from './reference';

/** Random projections with non-zero biases, scaled so scores stay O(1) for unit inputs. */
function params(rng: Rng, d: number): Record<string, TensorSpec> {
  const s = 1 / Math.sqrt(d);
  return {
    wq: rng.normal([d, d], s), bq: rng.normal([d], 0.5),
    wk: rng.normal([d, d], s), bk: rng.normal([d], 0.5),
    wv: rng.normal([d, d], s), bv: rng.normal([d], 0.5),
    wo: rng.normal([d, d], s), bo: rng.normal([d], 0.5),
  };
}

/** Identity projections, zero biases: attention over the raw vectors (worked examples). */
function identityParams(d: number): Record<string, TensorSpec> {
  const eye = tensorSpec(Array.from({ length: d * d }, (_, i) => (Math.floor(i / d) === i % d ? 1 : 0)), [d, d]);
  const zero = tensorSpec(new Array(d).fill(0), [d]);
  return { wq: eye, bq: zero, wk: eye, bk: zero, wv: eye, bv: zero, wo: eye, bo: zero };
}

/** A [b, tk] padding mask: row i keeps its first `keep` tokens (at least one), some rows padded. */
function paddingMask(rng: Rng, b: number, tk: number, dtype: 'float32' | 'bool' = 'float32'): TensorSpec {
  const values: number[] = [];
  for (let i = 0; i < b; i++) {
    // Row 0 is always padded (when tk > 1) so the mask matters in every case.
    const keep = i === 0 && tk > 1 ? rng.int(1, tk - 1) : rng.int(1, tk);
    for (let j = 0; j < tk; j++) values.push(j < keep ? 1 : 0);
  }
  return tensorSpec(values, [b, tk], dtype);
}

function random(rng: Rng, b: number, tq: number, tk: number, d: number, heads: number, scale = 1): ArgSpec[] {
  if (tq === tk) throw new Error('cross-attention cases keep tq ≠ tk');
  return [rng.normal([b, tq, d], scale), rng.normal([b, tk, d], scale), params(rng, d), heads];
}

function cases(rng: Rng): CaseSpec[] {
  const x1 = tensorSpec([1, 0], [1, 1, 2]);
  const m1 = tensorSpec([1, 0, 0, 1], [1, 2, 2]);
  const list: CaseSpec[] = [
    { name: 'example 1: one head, identity projections', public: true, args: [x1, m1, identityParams(2), 1] },
    { name: 'example 2: two heads, identity projections', public: true, args: [x1, m1, identityParams(2), 2] },
    { name: 'example 3: batch 2, tq = 3, tk = 5, padding mask', public: true, args: [...random(rng, 2, 3, 5, 8, 2), paddingMask(rng, 2, 5)] },
    { name: 'hidden: batch 1, 2 heads', public: false, args: random(rng, 1, 3, 5, 8, 2) },
    { name: 'hidden: single decoding step (tq = 1), 4 heads', public: false, args: random(rng, 2, 1, 6, 8, 4) },
    { name: 'hidden: one memory token (tk = 1)', public: false, args: random(rng, 2, 4, 1, 4, 2) },
    { name: 'hidden: dHead = 1 (heads = dModel)', public: false, args: random(rng, 2, 3, 5, 4, 4) },
    { name: 'hidden: one head', public: false, args: random(rng, 3, 2, 4, 6, 1) },
    { name: 'hidden: tk = dModel, tq > 1', public: false, args: random(rng, 2, 3, 8, 8, 2) },
    { name: 'hidden: float padding mask, 3 heads', public: false, args: [...random(rng, 3, 4, 6, 6, 3), paddingMask(rng, 3, 6)] },
    { name: 'hidden: bool padding mask', public: false, args: [...random(rng, 2, 5, 3, 8, 4), paddingMask(rng, 2, 3, 'bool')] },
    { name: 'hidden: mask keeps only the first memory token', public: false, args: [...random(rng, 2, 3, 4, 4, 2), tensorSpec([1, 0, 0, 0, 1, 0, 0, 0], [2, 4])] },
    { name: 'hidden: all-ones mask', public: false, args: [...random(rng, 1, 2, 5, 8, 2), tensorSpec([1, 1, 1, 1, 1], [1, 5])] },
    { name: 'hidden: large-magnitude states', public: false, args: [...random(rng, 2, 3, 7, 8, 2, 12), paddingMask(rng, 2, 7)] },
  ];
  for (let i = 0; i < 3; i++) {
    const heads = rng.pick([1, 2, 4]);
    const d = heads * rng.int(1, 4);
    const tk = rng.int(1, 8);
    let tq = rng.int(1, 7);
    if (tq >= tk) tq++;
    const b = rng.int(1, 3);
    list.push({ name: `hidden: random shapes ${i + 1}`, public: false, args: [...random(rng, b, tq, tk, d, heads), paddingMask(rng, b, tk)] });
  }
  return list;
}

export default defineProblem({
  id: 'attention/cross-attention',
  entry: 'crossAttention',
  argNames: ['x', 'memory', 'params', 'numHeads', 'memoryMask'],
  reference: crossAttention,
  // [b, tq, dModel] float32: x's shape.
  output: tensorOf('float32', (args) => shapeOf(args, 0)),
  cases,
  mistakes: [
    {
      id: 'queries-from-memory',
      title: 'queries taken from the encoder memory instead of the decoder states',
      explanation: 'In cross-attention the queries come from x (the decoder) and keys/values from memory, so the output has one row per decoder position: [b, tq, dModel].',
      diagnostic: 'shape',
    },
    {
      id: 'kv-from-decoder',
      title: 'keys and values projected from the decoder states (self-attention)',
      explanation: 'Keys and values must be computed from the encoder memory (memory·Wk, memory·Wv); only the queries come from x.',
      diagnostic: 'mismatch',
    },
    {
      id: 'heads-reshaped-without-transpose',
      title: 'heads split by a bare reshape, without the transpose',
      explanation: 'reshape([b, t, dModel] → [b, heads, t, dHead]) mixes positions and features. Reshape to [b, t, heads, dHead] and transpose to [b, heads, t, dHead] (and the reverse when merging).',
      diagnostic: 'mismatch',
    },
    {
      id: 'scaled-by-sqrt-dmodel',
      title: 'scores scaled by √dModel instead of √dHead',
      explanation: 'Each head is a dot product of dHead-dimensional vectors, so divide by √dHead = √(dModel / numHeads).',
      diagnostic: 'mismatch',
    },
    {
      id: 'interleaved-heads',
      title: 'heads take interleaved features (feature % numHeads) instead of contiguous blocks',
      explanation: 'Head h owns features h·dHead … (h+1)·dHead − 1: reshape the feature axis as [numHeads, dHead], not [dHead, numHeads], and merge back in the same order.',
      diagnostic: 'mismatch',
    },
    {
      id: 'mask-inverted',
      title: 'memory mask applied the wrong way round',
      explanation: '1/true marks a real memory token that may be attended; 0/false marks padding. Keep the scores where the mask is 1 and fill the rest.',
      diagnostic: 'mismatch',
    },
    {
      id: 'mask-inverted-neg-infinity',
      title: 'memory mask applied the wrong way round, with −∞ fill (NaN on rows without padding)',
      explanation: '1/true marks a real memory token; 0/false marks padding. Read the other way, the real tokens are hidden and only the padding is attended, and a row with no padding is hidden entirely: with −∞ its softmax is 0/0 = NaN. Keep the scores where the mask is 1 and fill only the 0 positions.',
      diagnostic: 'mismatch',
    },
    {
      id: 'mask-inverted-additive',
      title: 'memory mask applied the wrong way round (−1e9 added where the mask is 1)',
      explanation: '1/true marks a real memory token; 0/false marks padding. Adding mask·(−1e9) penalises the real tokens, so only the padding is attended (a row with no padding is penalised everywhere alike and looks unmasked). Penalise the padding instead: add (1 − mask)·(−1e9), or fill where the mask is 0.',
      diagnostic: 'mismatch',
    },
    {
      id: 'mask-inverted-skipped',
      title: 'memory mask applied the wrong way round (real tokens skipped in the loop)',
      explanation: '1/true marks a real memory token; 0/false marks padding. Skipping the keys whose mask is 1 attends to the padding only, and a row with no padding attends to nothing. Skip the keys whose mask is 0.',
      diagnostic: 'mismatch',
    },
    {
      id: 'output-bias-missing',
      title: 'output-projection bias bo not added',
      explanation: 'The output projection is merged·Wo + bo, like the other three: add bo (broadcast over the last axis) after multiplying by Wo.',
      diagnostic: 'mismatch',
    },
    {
      id: 'biases-ignored',
      title: 'projection biases not added',
      explanation: 'Each projection is t·W + b: add bq, bk, bv to the query, key and value projections and bo to the output.',
      diagnostic: 'mismatch',
    },
    {
      id: 'memory-mask-ignored',
      title: 'memory padding mask not applied',
      explanation: 'Padded memory tokens (mask 0) must get no attention weight: reshape the mask to [b, 1, 1, tk] and fill masked scores with a large negative number before the softmax.',
      diagnostic: 'mismatch',
    },
    {
      id: 'missing-output-projection',
      title: 'output projection Wo (and bo) skipped',
      explanation: 'After merging the heads back to [b, tq, dModel], apply the output projection: merged·Wo + bo.',
      diagnostic: 'mismatch',
    },
    {
      id: 'softmax-over-query-axis',
      title: 'softmax taken over the query axis',
      explanation: 'Each decoder position attends over the memory tokens: softmax over the last axis (tk) of the [b, heads, tq, tk] scores.',
      diagnostic: 'mismatch',
    },
    {
      id: 'mask-after-softmax',
      title: 'padding mask applied to the weights after the softmax',
      explanation: 'Zeroing the padded tokens\' weights after the softmax leaves rows that sum to less than 1. Mask the scores (−1e9 or −∞ at padding) before the softmax so the real tokens share the full weight.',
      diagnostic: 'mismatch',
    },
    {
      id: 'masked-scores-zeroed',
      title: 'scores multiplied by the mask (padding score 0 instead of −∞)',
      explanation: 'A score of 0 is an ordinary score and still gets weight in the softmax. Padded positions need a large negative score: tf.where(mask, scores, −1e9) or scores + (1 − mask)·(−1e9).',
      diagnostic: 'mismatch',
    },
    {
      id: 'heads-merged-without-transpose',
      title: 'heads merged by a bare reshape, without moving the head axis back',
      explanation: 'The attention output is [b, H, tq, dHead]. Transpose it to [b, tq, H, dHead] before reshaping to [b, tq, dModel]; a direct reshape mixes positions and heads.',
      diagnostic: 'mismatch',
    },
    {
      id: 'qkv-weights-transposed',
      title: 'q, k, v projections computed as t·Wᵀ instead of t·W',
      explanation: 'Here the weights are stored [in, out] and a projection is t·W + b. Transposing W (the PyTorch nn.Linear convention) uses the wrong matrix.',
      diagnostic: 'mismatch',
    },
    {
      id: 'all-weights-transposed',
      title: 'every projection (Wo included) computed as t·Wᵀ instead of t·W',
      explanation: 'Here the weights are stored [in, out] and each projection is t·W + b. Transposing every W (the PyTorch nn.Linear convention) uses the wrong matrices.',
      diagnostic: 'mismatch',
    },
    {
      id: 'scaled-by-dhead',
      title: 'scores divided by dHead instead of √dHead',
      explanation: 'The scale is 1/√dHead. Dividing by dHead itself flattens the attention weights (except when dHead = 1).',
      diagnostic: 'mismatch',
    },
    {
      id: 'missing-scale',
      title: 'scores not scaled by √dHead',
      explanation: 'Divide Q_h·K_hᵀ by √dHead before masking and the softmax.',
      diagnostic: 'mismatch',
    },
    {
      id: 'values-projected-with-wk',
      title: 'values projected with wk and bk instead of wv and bv',
      explanation: 'V = memory·W_v + b_v; using the key weights makes the values equal the keys.',
      diagnostic: 'mismatch',
    },
  ],
});
