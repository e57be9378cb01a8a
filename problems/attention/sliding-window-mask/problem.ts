import { defineProblem, type CaseSpec } from '../../../src/judge/problem';
import { shapeOf, tensorOf } from '../../../src/judge/contract';
import { tensorSpec, type TensorSpec } from '../../../src/judge/inputs';
import type { Rng } from '../../../src/judge/rng';
import { slidingWindowAttention } from './reference';

function qkv(rng: Rng, batch: number[], t: number, d: number, dv: number, scale = 1) {
  return [rng.normal([...batch, t, d], scale), rng.normal([...batch, t, d], scale), rng.normal([...batch, t, dv])];
}

/**
 * Asserts the promise of the large-magnitude case: some score inside the window exceeds `bound`, so
 * exp without the row max overflows even in float64. A draw that misses has its first query row
 * doubled until it clears the bound (row 0 sees key 0, itself).
 */
function withWindowScoreAbove(args: TensorSpec[], window: number, bound: number): TensorSpec[] {
  const [q, k] = args;
  const [t, d] = q.shape.slice(-2);
  const batches = q.data.length / (t * d);
  const maxScore = () => {
    let max = -Infinity;
    for (let b = 0; b < batches; b++)
      for (let i = 0; i < t; i++)
        for (let j = Math.max(0, i - window + 1); j <= i; j++) {
          let dot = 0;
          for (let c = 0; c < d; c++) dot += q.data[(b * t + i) * d + c] * k.data[(b * t + j) * d + c];
          max = Math.max(max, dot / Math.sqrt(d));
        }
    return max;
  };
  for (let tries = 0; maxScore() <= bound && tries < 20; tries++) {
    for (let c = 0; c < d; c++) q.data[c] = 2 * k.data[c] + q.data[c];
  }
  if (maxScore() <= bound) throw new Error(`case generator: no windowed score above ${bound}`);
  return args;
}

function cases(rng: Rng): CaseSpec[] {
  const q1 = tensorSpec([1, 0, 0, 1, 1, 1, 1, -1], [4, 2]);
  const v1 = tensorSpec([1, 0, 0, 1, 1, 1, 2, 0], [4, 2]);
  const ramp = tensorSpec([0, 1, 2, 3, 4], [5, 1]);
  const list: CaseSpec[] = [
    { name: 'example 1: t = 4, window 2', public: true, args: [q1, q1, v1, 2] },
    { name: 'example 2: zero keys, window 3', public: true, args: [ramp, tensorSpec([0, 0, 0, 0, 0], [5, 1]), ramp, 3] },
    { name: 'example 3: batch of 2, t = 6, window 3', public: true, args: [...qkv(rng, [2], 6, 4, 3), 3] },
    { name: 'hidden: batch 1, window 2', public: false, args: [...qkv(rng, [1], 7, 8, 8), 2] },
    { name: 'hidden: window 1 (each query sees only itself)', public: false, args: [...qkv(rng, [2], 5, 4, 4), 1] },
    { name: 'hidden: window = t (plain causal)', public: false, args: [...qkv(rng, [2], 5, 4, 6), 5] },
    { name: 'hidden: window > t', public: false, args: [...qkv(rng, [1], 4, 4, 4), 9] },
    { name: 'hidden: t = 1', public: false, args: [...qkv(rng, [3], 1, 4, 2), 2] },
    { name: 'hidden: no batch axis', public: false, args: [...qkv(rng, [], 8, 4, 5), 3] },
    { name: 'hidden: batch and heads [2, 3]', public: false, args: [...qkv(rng, [2, 3], 9, 8, 4), 4] },
    { name: 'hidden: window t - 1', public: false, args: [...qkv(rng, [2], 6, 4, 4), 5] },
    { name: 'hidden: large-magnitude inputs', public: false, args: [...withWindowScoreAbove(qkv(rng, [2], 8, 16, 4, 30), 3, 710), 3] },
  ];
  for (let i = 0; i < 3; i++) {
    const t = rng.int(2, 12);
    list.push({
      name: `hidden: random shapes ${i + 1}`,
      public: false,
      args: [...qkv(rng, [rng.int(1, 3)], t, rng.int(1, 12), rng.int(1, 12)), rng.int(1, t)],
    });
  }
  return list;
}

export default defineProblem({
  id: 'attention/sliding-window-mask',
  entry: 'slidingWindowAttention',
  argNames: ['q', 'k', 'v', 'window'],
  reference: slidingWindowAttention,
  // [..., t, dv] float32: q's leading axes and length, v's feature width.
  output: tensorOf('float32', (args) => [...shapeOf(args, 0).slice(0, -1), shapeOf(args, 2).at(-1)!]),
  cases,
  mistakes: [
    {
      id: 'window-off-by-one',
      title: 'window one key too wide (window + 1 keys)',
      explanation:
        'Query i may see keys i - window + 1 … i: exactly `window` keys, itself included. Allow i - j < window (or j > i - window), not i - j <= window.',
      diagnostic: 'mismatch',
    },
    {
      id: 'window-too-short',
      title: 'window one key too narrow (window - 1 keys)',
      explanation:
        'The query\'s own key counts towards the window: allow 0 <= i - j <= window - 1, which is `window` keys. With window = 1 a query must still attend to itself.',
      diagnostic: 'mismatch',
    },
    {
      id: 'non-causal-window',
      title: 'symmetric window: queries see future keys',
      explanation:
        'A band |i - j| < window lets query i look ahead. The window is causal: also require j <= i (i - j >= 0).',
      diagnostic: 'mismatch',
    },
    {
      id: 'mask-transposed',
      title: 'mask transposed: the window looks forward instead of back',
      explanation:
        'Rows are queries and columns are keys. Computing j - i instead of i - j gives query i the keys i … i + window - 1. Use (query index as a column) minus (key index as a row).',
      diagnostic: 'mismatch',
    },
    {
      id: 'causal-only',
      title: 'plain causal mask: the window is never applied',
      explanation:
        'A lower-triangular mask lets query i see every earlier key. Also drop keys more than window - 1 steps back (bandPart(ones, window - 1, 0)).',
      diagnostic: 'mismatch',
    },
    {
      id: 'scaled-by-sqrt-dv',
      title: 'scores scaled by √d_v (the value width) instead of √d',
      explanation: 'd is the width of q and k, the axis the dot products sum over; divide q·kᵀ by √d, not by the square root of v’s last axis.',
      diagnostic: 'mismatch',
    },
    {
      id: 'missing-scale',
      title: 'scores not scaled by √d',
      explanation: 'Divide q·kᵀ by Math.sqrt(d) before masking and the softmax.',
      diagnostic: 'mismatch',
    },
    {
      id: 'unstable-softmax',
      title: 'softmax without subtracting the row maximum',
      explanation: 'exp of scores in the hundreds overflows to Infinity and the row becomes NaN. Subtract the row max before exp, or use tf.softmax.',
      diagnostic: 'non-finite',
    },
    {
      id: 'mask-after-softmax',
      title: 'mask multiplied into the weights after the softmax',
      explanation:
        'Zeroing weights after the softmax leaves rows that no longer sum to 1. Mask the scores (large negative fill) before the softmax so it renormalizes over the allowed keys.',
      diagnostic: 'mismatch',
    },
    {
      id: 'window-excludes-self',
      title: 'window excludes the query\'s own key',
      explanation: 'The window counts the query itself: query i sees keys i - window + 1 … i, so keep the diagonal (0 <= i - j <= window - 1). With window = 1 a query attends only to itself and the output is v.',
      diagnostic: 'mismatch',
    },
    {
      id: 'window-excludes-self-additive',
      title: 'window excludes the query\'s own key',
      explanation: 'The window counts the query itself: query i sees keys i - window + 1 … i, so keep the diagonal (0 <= i - j <= window - 1). With window = 1 a query attends only to itself and the output is v.',
      diagnostic: 'mismatch',
    },
    {
      id: 'mask-multiplies-scores',
      title: 'window applied by multiplying the scores by the 0/1 mask',
      explanation: 'An out-of-window score multiplied by 0 becomes 0, and exp(0) still gives that key weight. Replace out-of-window scores by a large negative number before the softmax.',
      diagnostic: 'mismatch',
    },
    {
      id: 'mask-inverted',
      title: 'mask inverted: the window is blocked and the keys outside it kept',
      explanation: 'Keys inside the window (0 <= i - j <= window - 1) keep their scores and the rest get -Infinity (or -1e9): check the order of the tf.where branches.',
      diagnostic: 'mismatch',
    },
    {
      id: 'softmax-over-query-axis',
      title: 'softmax taken over the query axis',
      explanation: 'Each query row is a distribution over the keys: tf.softmax(scores, -1) on scores of shape [..., tq, tk], not a softmax down each key column.',
      diagnostic: 'mismatch',
    },
    {
      id: 'scaled-by-d',
      title: 'scores divided by d instead of √d',
      explanation: 'The scale is 1/Math.sqrt(d), with d the last axis of q; dividing by d shrinks the scores too much.',
      diagnostic: 'mismatch',
    },
    {
      id: 'scores-transposed',
      title: 'scores computed as k·qᵀ instead of q·kᵀ',
      explanation: 'Rows of the score matrix must be queries and columns keys: tf.matMul(q, k, false, true). k·qᵀ is its transpose, so the window is applied to the wrong scores.',
      diagnostic: 'mismatch',
    },
  ],
});
