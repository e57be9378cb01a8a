import { defineProblem, type ArgSpec, type CaseSpec } from '../../../src/judge/problem';
import { shapeOf, tensorOf } from '../../../src/judge/contract';
import { tensorSpec, type TensorSpec } from '../../../src/judge/inputs';
import type { Rng } from '../../../src/judge/rng';
import { decodeWithKvCache } from './reference';

/** Random case: x [b, t, dModel], weights scaled so scores stay O(1) unless `scale` is raised. */
function decode(rng: Rng, b: number, t: number, dModel: number, dk: number, dv: number, prefill: number, scale = 1) {
  const w = (cols: number, s: number) => rng.normal([dModel, cols], s / Math.sqrt(dModel));
  return [rng.normal([b, t, dModel]), { wq: w(dk, scale), wk: w(dk, scale), wv: w(dv, 1) }, prefill];
}

/**
 * The largest tensor an incremental decoder needs: the prefill's [b, p, p] scores, or anything of
 * size [b, t, max(dModel, dk, dv)] (projections, the cache, the stacked outputs). Cases keep t
 * above every width and the prefill, so the full [b, t, t] score matrix of non-incremental
 * attention is over the limit.
 */
function maxTensorElements(spec: CaseSpec): number {
  const [x, weights, prefill] = spec.args as [{ shape: number[] }, Record<string, { shape: number[] }>, number];
  const [b, t, dModel] = x.shape;
  const width = Math.max(dModel, weights.wk.shape[1], weights.wv.shape[1]);
  return b * Math.max(prefill * prefill, t * width);
}

/** Largest causal score (x_i W_q)·(x_j W_k)/√dk over j ≤ i, in double precision. */
function maxScore(args: unknown[]): number {
  const [x, w] = args as [TensorSpec, Record<string, TensorSpec>];
  const [b, t, dModel] = x.shape;
  const dk = w.wk.shape[1];
  const project = (m: TensorSpec, r: number) =>
    Array.from({ length: dk }, (_, c) => {
      let acc = 0;
      for (let e = 0; e < dModel; e++) acc += x.data[r * dModel + e] * m.data[e * dk + c];
      return acc;
    });
  let max = -Infinity;
  for (let bi = 0; bi < b; bi++)
    for (let i = 0; i < t; i++) {
      const q = project(w.wq, bi * t + i);
      for (let j = 0; j <= i; j++) {
        const k = project(w.wk, bi * t + j);
        max = Math.max(max, q.reduce((acc, qc, c) => acc + qc * k[c], 0) / Math.sqrt(dk));
      }
    }
  return max;
}

/** The large-magnitude promise: some causal score is above 710, where exp overflows even in float64. */
function overflowing(args: unknown[]): ArgSpec[] {
  if (!(maxScore(args) > 710)) throw new Error('case generator: no causal score above 710');
  return args as ArgSpec[];
}

function cases(rng: Rng): CaseSpec[] {
  const eye = tensorSpec([1, 0, 0, 1], [2, 2]);
  const list: CaseSpec[] = [
    {
      name: 'example 1: identity weights, prefill 2 then one step',
      public: true,
      args: [tensorSpec([1, 0, 0, 1, 1, 1], [1, 3, 2]), { wq: eye, wk: eye, wv: eye }, 2],
    },
    {
      name: 'example 2: zero queries, every token a step',
      public: true,
      args: [tensorSpec([2, 4, 0, 6], [1, 4, 1]), { wq: tensorSpec([0], [1, 1]), wk: tensorSpec([1], [1, 1]), wv: tensorSpec([1], [1, 1]) }, 1],
    },
    { name: 'example 3: batch 2, prefill 3 of 8', public: true, args: decode(rng, 2, 8, 4, 4, 3, 3) },
    { name: 'hidden: batch 1, prefill 4 of 10', public: false, args: decode(rng, 1, 10, 6, 4, 4, 4) },
    { name: 'hidden: prefill 1 (every token decoded)', public: false, args: decode(rng, 2, 9, 4, 3, 5, 1) },
    { name: 'hidden: prefill = t (no decoding steps)', public: false, args: decode(rng, 2, 6, 4, 4, 4, 6) },
    { name: 'hidden: t = 1', public: false, args: decode(rng, 3, 1, 4, 4, 2, 1) },
    { name: 'hidden: one step after a long prompt', public: false, args: decode(rng, 2, 9, 4, 4, 4, 8) },
    { name: 'hidden: dv ≠ dk, dModel ≠ dk', public: false, args: decode(rng, 2, 12, 8, 3, 6, 5) },
    { name: 'hidden: large-magnitude scores', public: false, args: overflowing(decode(rng, 2, 10, 6, 6, 4, 3, 40)) },
    { name: 'hidden: long decode', public: false, args: decode(rng, 1, 24, 8, 8, 8, 2) },
  ];
  for (let i = 0; i < 3; i++) {
    const t = rng.int(6, 14);
    const dims = () => rng.int(1, 6);
    list.push({ name: `hidden: random shapes ${i + 1}`, public: false, args: decode(rng, rng.int(1, 3), t, dims(), dims(), dims(), rng.int(1, t)) });
  }
  return list;
}

export default defineProblem({
  id: 'attention/kv-cache',
  entry: 'decodeWithKvCache',
  argNames: ['x', 'weights', 'prefill'],
  reference: decodeWithKvCache,
  // [b, t, dv] float32: x's batch and length, dv from weights.wv [dModel, dv].
  output: tensorOf('float32', (args) => [...shapeOf(args, 0).slice(0, 2), (args[1] as any).wv.shape[1]]),
  cases,
  maxTensorElements,
  mistakes: [
    {
      id: 'whole-sequence-one-chunk',
      title: 'prefill ignored: the whole sequence run as one causal chunk',
      explanation:
        'Running all t tokens as one causal chunk gives the right numbers, but it is plain full attention: it builds the [t, t] mask and [b, t, t] score matrix that incremental decoding exists to avoid. Process only tokens 0..prefill−1 as a chunk (a [p, p] mask), then decode each later token as one step: append its k and v to the cache and attend from its single query (a [b, 1, len] score row, no mask).',
      diagnostic: 'resource-limit',
    },
    {
      id: 'cache-not-appended',
      title: 'cache never used: each step attends only to its own token',
      explanation:
        'A decoding step must attend to every earlier token: concat the new k and v onto the cached ones (along the time axis) and attend to the whole cache, then keep the grown cache for the next step.',
      diagnostic: 'mismatch',
    },
    {
      id: 'current-token-missing',
      title: 'step attends to the cache before appending its own key and value',
      explanation:
        'Causal attention includes the diagonal: token i attends keys 0..i. Append the new token\'s k and v to the cache first, then compute its attention.',
      diagnostic: 'mismatch',
    },
    {
      id: 'attends-whole-sequence',
      title: 'keys and values of the whole sequence used (future tokens leak)',
      explanation:
        'At step i only tokens 0..i have arrived. Attend to the cache built so far, not to k and v projected from the full sequence.',
      diagnostic: 'mismatch',
    },
    {
      id: 'prefill-not-causal',
      title: 'prefill without a causal mask',
      explanation:
        'A single step needs no mask, but the prompt is processed as one chunk: prompt token r may only see prompt tokens 0..r. Mask the prefill scores above the diagonal.',
      diagnostic: 'mismatch',
    },
    {
      id: 'scaled-by-sqrt-dmodel',
      title: 'scores scaled by √dModel instead of √dk',
      explanation: 'The dot products q·k sum over the key width dk (the last axis of wk), so divide by Math.sqrt(dk), not by the embedding width.',
      diagnostic: 'mismatch',
    },
    {
      id: 'scaled-by-sqrt-dv',
      title: 'scores scaled by √dv instead of √dk',
      explanation: 'The scale comes from the width of q and k (dk); the value width dv plays no part in it.',
      diagnostic: 'mismatch',
    },
    {
      id: 'unstable-softmax',
      title: 'softmax without subtracting the row maximum',
      explanation: 'exp of scores in the hundreds overflows to Infinity and the row becomes NaN. Subtract the row max before exp, or use tf.softmax.',
      diagnostic: 'non-finite',
    },
    {
      id: 'missing-scale',
      title: 'scores not scaled by √dk',
      explanation: 'Divide q·kᵀ by Math.sqrt(dk) at every step, prefill included.',
      diagnostic: 'mismatch',
    },
    {
      id: 'prefill-mask-upper-triangle',
      title: 'prefill mask keeps the upper triangle (future prompt tokens) instead of the lower',
      explanation: 'Prompt token r may attend prompt tokens 0..r. bandPart(ones, 0, -1) keeps r..p−1 instead; the allowed region is bandPart(ones([p, p]), -1, 0).',
      diagnostic: 'mismatch',
    },
    {
      id: 'prefill-mask-excludes-self',
      title: 'prefill mask also hides the diagonal (prompt token r sees only tokens before it)',
      explanation: 'Causal attention includes the token itself: prompt token r attends 0..r. A strict lower triangle drops the own key and leaves token 0 with nothing to attend.',
      diagnostic: 'mismatch',
    },
    {
      id: 'step-unscaled',
      title: 'decoding-step scores not scaled by √dk (only the prefill is)',
      explanation: 'Every score, in the prefill chunk and in each single-token step, is q·kᵀ / √dk. Forgetting the scale in the step code path makes the later rows too sharp.',
      diagnostic: 'mismatch',
    },
    {
      id: 'prefill-unscaled',
      title: 'prefill scores not scaled by √dk (only the decoding steps are)',
      explanation: 'The prompt chunk uses the same scaled scores as a step: divide q·kᵀ by √dk before masking and the softmax.',
      diagnostic: 'mismatch',
    },
    {
      id: 'prefill-masked-scores-zeroed',
      title: 'prefill mask multiplies the scores (masked scores 0 instead of −∞)',
      explanation: 'A score of 0 still gets weight after the softmax, so prompt tokens see later prompt tokens. Set masked scores to −∞ (or add −1e9) before the softmax.',
      diagnostic: 'mismatch',
    },
    {
      id: 'query-projected-with-wk',
      title: 'step query projected with wk instead of wq',
      explanation: 'The query of a new token is x_i·W_q; x_i·W_k is its key. Use weights.wq for q.',
      diagnostic: 'mismatch',
    },
    {
      id: 'cache-not-updated',
      title: 'grown cache not kept between steps',
      explanation: 'Each step appends its k and v to the cache and the cache must keep them: assign the concatenated tensors back, so later steps also see the earlier decoded tokens, not only the prompt and themselves.',
      diagnostic: 'mismatch',
    },
    {
      id: 'prefill-outputs-last-row-only',
      title: 'only the last prompt token\'s output kept from the prefill',
      explanation: 'Generation needs only the last row, but this function returns one output per token: keep all p rows of the prefill output, then one row per step (t rows in all).',
      diagnostic: 'shape',
    },
  ],
});
