import { defineProblem, type CaseSpec } from '../../../src/judge/problem';
import { shapeOf, tensorOf } from '../../../src/judge/contract';
import { tensorSpec, type TensorSpec } from '../../../src/judge/inputs';
import type { Rng } from '../../../src/judge/rng';
import { multiHeadAttention } from './reference';

const identity2 = () => tensorSpec([1, 0, 0, 1], [2, 2]);

/**
 * Random weights with N(0, 1/dModel) entries, so projections keep x's scale and ordinary cases
 * have scores of order 1; `wScale` multiplies that for the large-magnitude cases.
 */
function weights(rng: Rng, dModel: number, wScale = 1): Record<string, TensorSpec> {
  const s = wScale / Math.sqrt(dModel);
  return {
    wq: rng.normal([dModel, dModel], s),
    wk: rng.normal([dModel, dModel], s),
    wv: rng.normal([dModel, dModel], s),
    wo: rng.normal([dModel, dModel], s),
  };
}

function randomCase(
  rng: Rng,
  name: string,
  b: number,
  t: number,
  dModel: number,
  nHeads: number,
  causal: boolean,
  xScale = 1,
  wScale = 1,
): CaseSpec {
  if (dModel % nHeads !== 0) throw new Error(`${name}: nHeads ${nHeads} does not divide dModel ${dModel}`);
  return { name, public: false, args: [rng.normal([b, t, dModel], xScale), weights(rng, dModel, wScale), nHeads, causal] };
}

/** Largest scaled score any head's query gives an allowed key, computed in double precision. */
function maxScore(spec: CaseSpec): number {
  const [x, w, nHeads, causal] = spec.args as [TensorSpec, Record<string, TensorSpec>, number, boolean];
  const [b, t, dModel] = x.shape;
  const dHead = dModel / nHeads;
  const project = (m: TensorSpec) => {
    const out = new Float64Array(b * t * dModel);
    for (let r = 0; r < b * t; r++)
      for (let c = 0; c < dModel; c++) {
        let acc = 0;
        for (let e = 0; e < dModel; e++) acc += x.data[r * dModel + e] * m.data[e * dModel + c];
        out[r * dModel + c] = acc;
      }
    return out;
  };
  const q = project(w.wq);
  const k = project(w.wk);
  let max = -Infinity;
  for (let bi = 0; bi < b; bi++)
    for (let h = 0; h < nHeads; h++)
      for (let i = 0; i < t; i++)
        for (let j = 0; j < (causal ? i + 1 : t); j++) {
          let dot = 0;
          for (let c = h * dHead; c < (h + 1) * dHead; c++) dot += q[(bi * t + i) * dModel + c] * k[(bi * t + j) * dModel + c];
          max = Math.max(max, dot / Math.sqrt(dHead));
        }
  return max;
}

/** The large-magnitude promise: some allowed score is above 710, where exp overflows even in float64. */
function overflowing(spec: CaseSpec): CaseSpec {
  if (!(maxScore(spec) > 710)) throw new Error(`case generator: ${spec.name} has no score above 710`);
  return spec;
}

function cases(rng: Rng): CaseSpec[] {
  // Example 1 and 2 share x = [[1, 0], [0, 1], [1, 1]] (b = 1, t = 3, dModel = 2).
  const x = () => tensorSpec([1, 0, 0, 1, 1, 1], [1, 3, 2]);
  const swap = tensorSpec([0, 1, 1, 0], [2, 2]);
  const list: CaseSpec[] = [
    {
      name: 'example 1: one head, causal, identity weights',
      public: true,
      args: [x(), { wq: identity2(), wk: identity2(), wv: identity2(), wo: identity2() }, 1, true],
    },
    {
      name: 'example 2: two heads of width 1, not causal, wo swaps features',
      public: true,
      args: [x(), { wq: identity2(), wk: identity2(), wv: identity2(), wo: swap }, 2, false],
    },
    { ...randomCase(rng, 'example 3: b = 2, t = 4, dModel = 8, 2 heads, causal', 2, 4, 8, 2, true), public: true },
    randomCase(rng, 'hidden: batch 1, 4 heads, causal', 1, 5, 8, 4, true),
    randomCase(rng, 'hidden: batch 1, 2 heads, not causal', 1, 6, 6, 2, false),
    randomCase(rng, 'hidden: one head (nHeads = 1), causal', 2, 4, 6, 1, true),
    randomCase(rng, 'hidden: one head (nHeads = 1), not causal', 3, 3, 4, 1, false),
    randomCase(rng, 'hidden: nHeads = dModel (dHead = 1), not causal', 2, 4, 4, 4, false),
    randomCase(rng, 'hidden: nHeads = dModel (dHead = 1), causal', 2, 5, 6, 6, true),
    randomCase(rng, 'hidden: t = 1, causal', 3, 1, 8, 2, true),
    randomCase(rng, 'hidden: t = 1, not causal', 2, 1, 6, 3, false),
    randomCase(rng, 'hidden: 3 heads of odd width 5, causal', 2, 6, 15, 3, true),
    randomCase(rng, 'hidden: 3 heads, not causal', 2, 5, 12, 3, false),
    randomCase(rng, 'hidden: longer sequence t = 12, 4 heads, causal', 2, 12, 16, 4, true),
    // x ~ N(0, 20²) and weights ~ N(0, 1): scores in the thousands, exp overflows without the max shift.
    overflowing(randomCase(rng, 'hidden: large-magnitude inputs, causal', 2, 6, 16, 2, true, 20, Math.sqrt(16))),
    overflowing(randomCase(rng, 'hidden: large-magnitude inputs, not causal', 1, 5, 8, 2, false, 20, Math.sqrt(8))),
  ];
  for (let i = 0; i < 3; i++) {
    const nHeads = rng.int(1, 4);
    const dModel = nHeads * rng.int(1, 6);
    list.push(randomCase(rng, `hidden: random shapes ${i + 1}`, rng.int(1, 3), rng.int(1, 8), dModel, nHeads, rng.next() < 0.5));
  }
  return list;
}

export default defineProblem({
  id: 'attention/multi-head-causal',
  entry: 'multiHeadAttention',
  argNames: ['x', 'weights', 'nHeads', 'causal'],
  reference: multiHeadAttention,
  // [b, t, dModel]: x's shape (the statement names no dtype; float32 like x).
  output: tensorOf('float32', (args) => shapeOf(args, 0)),
  cases,
  mistakes: [
    {
      id: 'scaled-by-sqrt-dmodel',
      title: 'scores scaled by 1/√dModel instead of 1/√dHead',
      explanation: 'Each head is an attention of width dHead = dModel / nHeads: divide its qkᵀ by Math.sqrt(dHead).',
      diagnostic: 'mismatch',
    },
    {
      id: 'causal-ignored',
      title: 'the causal flag is ignored',
      explanation: 'When causal is true, query i may only attend to keys 0..i: mask the scores above the diagonal before the softmax.',
      diagnostic: 'mismatch',
    },
    {
      id: 'mask-hides-diagonal',
      title: 'causal mask off by one: a query cannot see its own position',
      explanation: 'Query i attends to keys 0..i, including i itself: keep the diagonal (tf.linalg.bandPart(ones, -1, 0)).',
      diagnostic: 'mismatch',
    },
    {
      id: 'mask-shows-next-token',
      title: 'causal mask off by one: a query also sees the next position',
      explanation: 'Query i must not see key i + 1: the allowed region is the lower triangle with the diagonal, nothing above it.',
      diagnostic: 'mismatch',
    },
    {
      id: 'mask-after-softmax',
      title: 'future weights zeroed after the softmax',
      explanation: 'Masking after the softmax leaves rows that no longer sum to 1. Replace future scores by a large negative number before the softmax.',
      diagnostic: 'mismatch',
    },
    {
      id: 'split-without-transpose',
      title: 'heads split by reshaping straight to [b, nHeads, t, dHead]',
      explanation: 'Reshape the projection to [b, t, nHeads, dHead] and then transpose to [b, nHeads, t, dHead] (and back before concatenating); a direct reshape mixes time steps into heads.',
      diagnostic: 'mismatch',
    },
    {
      id: 'interleaved-heads',
      title: 'heads take interleaved columns instead of contiguous blocks',
      explanation: 'Head h owns columns h·dHead..(h+1)·dHead-1: reshape the feature axis as [nHeads, dHead], not [dHead, nHeads].',
      diagnostic: 'mismatch',
    },
    {
      id: 'merge-without-transpose',
      title: 'heads merged by reshaping [b, nHeads, t, dHead] straight to [b, t, dModel]',
      explanation: 'Transpose the head outputs back to [b, t, nHeads, dHead] before reshaping to [b, t, dModel]; a direct reshape puts one head\'s time steps side by side as if they were features of one token.',
      diagnostic: 'mismatch',
    },
    {
      id: 'mask-transposed',
      title: 'causal mask transposed: queries see the future instead of the past',
      explanation: 'Rows are queries and columns keys: keep the lower triangle (j ≤ i), tf.linalg.bandPart(ones, -1, 0), not the upper one.',
      diagnostic: 'mismatch',
    },
    {
      id: 'missing-output-projection',
      title: 'output projection wo not applied',
      explanation: 'After concatenating the heads back to [b, t, dModel], multiply by wo.',
      diagnostic: 'mismatch',
    },
    {
      id: 'softmax-over-query-axis',
      title: 'softmax taken over the query axis',
      explanation: 'Each query row is a distribution over the keys: use tf.softmax(scores, -1) on scores of shape [b, nHeads, tq, tk].',
      diagnostic: 'mismatch',
    },
    {
      id: 'unstable-softmax',
      title: 'softmax without subtracting the row maximum',
      explanation: 'exp of scores in the thousands overflows to Infinity and Infinity/Infinity is NaN; subtract the row max first, or use tf.softmax.',
      diagnostic: 'non-finite',
    },
    {
      id: 'mask-hides-diagonal-additive',
      title: 'causal mask off by one: a query cannot see its own position',
      explanation: 'The additive mask blocks the diagonal too (only keys j < i stay). Query i attends to keys 0..i: keep the diagonal, tf.linalg.bandPart(ones, -1, 0).',
      diagnostic: 'mismatch',
    },
    {
      id: 'mask-multiplies-scores',
      title: 'causal mask applied by multiplying the scores by 0/1',
      explanation: 'A future score multiplied by 0 becomes 0, which still gets weight exp(0) in the softmax. Replace future scores by -Infinity (or a large negative number) before the softmax.',
      diagnostic: 'mismatch',
    },
    {
      id: 'missing-scale',
      title: 'scores not scaled by 1/√dHead',
      explanation: 'Divide q·kᵀ by Math.sqrt(dHead) before the softmax; without it the softmax is too peaked.',
      diagnostic: 'mismatch',
    },
    {
      id: 'scaled-by-dhead',
      title: 'scores divided by dHead instead of √dHead',
      explanation: 'The scale is 1/Math.sqrt(dHead). Dividing by dHead (or scaling both q and k by 1/√dHead) shrinks the scores too much.',
      diagnostic: 'mismatch',
    },
    {
      id: 'weights-transposed',
      title: 'projections multiplied by Wᵀ instead of W',
      explanation: 'The statement defines Q = X·Wq (weights stored [in, out]), not the x·Wᵀ convention of nn.Linear: use tf.matMul(x, w) for wq, wk, wv and wo.',
      diagnostic: 'mismatch',
    },
    {
      id: 'causal-always',
      title: 'causal mask applied even when causal is false',
      explanation: 'Only mask the future when the causal flag is true; with causal = false every query attends to every key.',
      diagnostic: 'mismatch',
    },
    {
      id: 'values-use-wk',
      title: 'values projected with wk instead of wv',
      explanation: 'A copy-paste slip: V = X·Wv. The keys use wk, the values their own weight wv.',
      diagnostic: 'mismatch',
    },
    {
      id: 'keys-use-wq',
      title: 'keys projected with wq instead of wk',
      explanation: 'A copy-paste slip: K = X·Wk, so the scores are Q·Kᵀ, not Q·Qᵀ.',
      diagnostic: 'mismatch',
    },
    {
      id: 'mask-inverted',
      title: 'causal mask inverted: the past is blocked and the future kept',
      explanation: 'The allowed keys (j ≤ i) must keep their scores and the future (j > i) get -Infinity; check the order of the tf.where branches.',
      diagnostic: 'mismatch',
    },
    {
      id: 'scores-transposed',
      title: 'scores computed as k·qᵀ instead of q·kᵀ',
      explanation: 'Rows of the score matrix must be queries and columns keys: tf.matMul(q, k, false, true). k·qᵀ transposes it, so each row mixes the scores of different queries.',
      diagnostic: 'mismatch',
    },
  ],
});
