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
    { name: 'hidden: large-magnitude inputs', public: false, args: qkv(rng, [2], 4, 5, 16, 4, 30) },
    { name: 'hidden: large-magnitude inputs, long keys', public: false, args: qkv(rng, [1], 3, 32, 8, 8, 40) },
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
  list.push({ name: 'hidden: random mask [tq, tk] with large inputs', public: false, args: [...qkv(rng, [2], 4, 6, 8, 4, 20), rng.bernoulli([4, 6], 0.7)] });
  for (let i = 0; i < 3; i++) {
    const batch = [rng.int(1, 3)];
    list.push({ name: `hidden: random shapes ${i + 1}`, public: false, args: qkv(rng, batch, rng.int(1, 8), rng.int(1, 8), rng.int(1, 16), rng.int(1, 16)) });
  }
  return list;
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
      id: 'returns-weights',
      title: 'returned the attention weights instead of weights · v',
      explanation: 'The output is softmax(qkᵀ/√d)·v with shape [..., tq, dv].',
      diagnostic: 'shape',
    },
  ],
});
