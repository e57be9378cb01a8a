import { defineProblem, type ArgSpec, type CaseSpec } from '../../../src/judge/problem';
import { objectOf, shapeOf, tensorOf } from '../../../src/judge/contract';
import { tensorSpec, type TensorSpec } from '../../../src/judge/inputs';
import type { Rng } from '../../../src/judge/rng';
import { xlAttention } from './reference';

function randomCase(rng: Rng, name: string, B: number, M: number, L: number, D: number, Dk: number, memLen: number, scale = 1): CaseSpec {
  if (memLen < 1 || memLen > M + L) throw new Error(`${name}: memLen ${memLen} outside 1..M+L`);
  const w = (cols: number, s: number) => rng.normal([D, cols], s / Math.sqrt(D));
  return {
    name,
    public: false,
    args: [rng.normal([B, L, D]), rng.normal([B, M, D]), { wq: w(Dk, scale), wk: w(Dk, scale), wv: w(D, 1) }, memLen],
  };
}

/** Largest allowed score q_i·k_j/√Dk (j ≤ M + i) in double precision. */
function maxScore(args: ArgSpec[]): number {
  const [x, mem, w] = args as unknown as [TensorSpec, TensorSpec, Record<string, TensorSpec>];
  const [B, L, D] = x.shape;
  const M = mem.shape[1];
  const Dk = w.wq.shape[1];
  const row = (b: number, j: number) => (j < M ? mem.data.subarray((b * M + j) * D, (b * M + j + 1) * D) : x.data.subarray((b * L + j - M) * D, (b * L + j - M + 1) * D));
  const project = (h: ArrayLike<number>, m: TensorSpec) => Array.from({ length: Dk }, (_, c) => Array.from(h).reduce((acc, hv, e) => acc + hv * m.data[e * Dk + c], 0));
  let max = -Infinity;
  for (let b = 0; b < B; b++)
    for (let i = 0; i < L; i++) {
      const q = project(row(b, M + i), w.wq);
      for (let j = 0; j <= M + i; j++) {
        const k = project(row(b, j), w.wk);
        max = Math.max(max, q.reduce((acc, qc, c) => acc + qc * k[c], 0) / Math.sqrt(Dk));
      }
    }
  return max;
}

function overflowing(spec: CaseSpec): CaseSpec {
  if (!(maxScore(spec.args) > 710)) throw new Error(`${spec.name}: no allowed score above 710`);
  return spec;
}

function cases(rng: Rng): CaseSpec[] {
  const eye = () => tensorSpec([1, 0, 0, 1], [2, 2]);
  const list: CaseSpec[] = [
    {
      name: 'example 1: one memory state, two current tokens, identity weights, memLen 1',
      public: true,
      args: [tensorSpec([0, 1, 1, 1], [1, 2, 2]), tensorSpec([2, 0], [1, 1, 2]), { wq: eye(), wk: eye(), wv: eye() }, 1],
    },
    {
      name: 'example 2: zero queries, memLen 3 > L keeps old memory',
      public: true,
      args: [tensorSpec([3], [1, 1, 1]), tensorSpec([2, 4], [1, 2, 1]), { wq: tensorSpec([0], [1, 1]), wk: tensorSpec([1], [1, 1]), wv: tensorSpec([1], [1, 1]) }, 3],
    },
    { ...randomCase(rng, 'example 3: batch 2, M = 4, L = 3, memLen 4', 2, 4, 3, 4, 4, 4), public: true },
    randomCase(rng, 'hidden: batch 1, memLen = L (new memory is the current segment)', 1, 6, 4, 4, 4, 4),
    randomCase(rng, 'hidden: memLen < L', 2, 3, 5, 4, 4, 2),
    randomCase(rng, 'hidden: memLen = M + L (keep everything)', 2, 3, 4, 4, 4, 7),
    randomCase(rng, 'hidden: M = 1', 2, 1, 4, 4, 4, 3),
    randomCase(rng, 'hidden: L = 1 (one-token segment)', 3, 5, 1, 4, 4, 5),
    randomCase(rng, 'hidden: long memory M = 10, L = 3', 2, 10, 3, 6, 6, 10),
    randomCase(rng, 'hidden: Dk ≠ D (D = 8, Dk = 3)', 2, 4, 4, 8, 3, 4),
    overflowing(randomCase(rng, 'hidden: large-magnitude scores', 2, 4, 4, 6, 6, 4, 40)),
  ];
  for (let i = 1; i <= 3; i++) {
    const M = rng.int(1, 8);
    const L = rng.int(1, 6);
    list.push(randomCase(rng, `hidden: random shapes ${i}`, rng.int(1, 3), M, L, rng.int(2, 6), rng.int(1, 6), rng.int(1, M + L)));
  }
  return list;
}

export default defineProblem({
  id: 'attention/transformer-xl-memory',
  entry: 'xlAttention',
  argNames: ['x', 'mem', 'weights', 'memLen'],
  reference: xlAttention,
  // out: [B, L, D] float32 (x's shape); newMem: [B, memLen, D] float32.
  output: objectOf({
    out: tensorOf('float32', (args) => shapeOf(args, 0)),
    newMem: tensorOf('float32', (args) => [shapeOf(args, 0)[0], args[3] as number, shapeOf(args, 0)[2]]),
  }),
  cases,
  mistakes: [
    {
      id: 'mask-not-offset',
      title: 'causal mask not shifted by the memory length',
      explanation:
        'Query i is token M + i of the combined sequence [mem; x], so it sees keys 0..M+i: every memory state plus current tokens 0..i. A lower-triangular mask on the [L, M + L] scores without the offset (bandPart(ones, -1, 0)) hides most of the current segment and part of the memory. Use bandPart(ones([L, M + L]), -1, M).',
      diagnostic: 'mismatch',
    },
    {
      id: 'memory-ignored',
      title: 'keys and values from the current segment only',
      explanation: 'The point of the memory is longer context: keys and values come from concat([mem, x], 1) (M + L states); only the queries come from x alone.',
      diagnostic: 'mismatch',
    },
    {
      id: 'no-causal-mask',
      title: 'no causal mask (current tokens see later tokens of the segment)',
      explanation: 'The memory is entirely in the past, but inside the current segment token i may not see tokens after i: mask keys beyond M + i.',
      diagnostic: 'mismatch',
    },
    {
      id: 'memory-from-outputs',
      title: "new memory built from the layer's outputs instead of its inputs",
      explanation: "Transformer-XL caches, for each layer, the hidden states that layer received as input (the previous layer's outputs), because the next segment's keys and values are projected from them. The new memory is the last memLen rows of [mem; x], not of the attention output.",
      diagnostic: 'mismatch',
    },
    {
      id: 'new-memory-head',
      title: 'new memory keeps the oldest states instead of the newest',
      explanation: 'The memory slides forward: keep the last memLen rows of [mem; x] (the most recent states), slice from M + L − memLen.',
      diagnostic: 'mismatch',
    },
    {
      id: 'context-order-swapped',
      title: 'combined sequence built as [x; mem] instead of [mem; x]',
      explanation: 'The memory comes from the previous segment, so it precedes the current tokens: concat([mem, x], 1). With the order swapped, the causal mask hides memory from early queries, and the new memory keeps the old states.',
      diagnostic: 'mismatch',
    },
    {
      id: 'scaled-by-sqrt-dmodel',
      title: 'scores scaled by √D instead of √Dk',
      explanation: 'The dot products q·k are over the key width Dk (columns of wq and wk): divide by Math.sqrt(Dk).',
      diagnostic: 'mismatch',
    },
    {
      id: 'masked-scores-zeroed',
      title: 'mask multiplies the scores (masked scores 0 instead of −∞)',
      explanation: 'A score of 0 still gets weight after the softmax. Replace masked scores by a large negative number (tf.where with −1e9) before the softmax.',
      diagnostic: 'mismatch',
    },
    {
      id: 'unstable-softmax',
      title: 'softmax without subtracting the row maximum',
      explanation: 'exp of scores in the hundreds overflows to Infinity and the row becomes NaN. Use tf.softmax or subtract the row max before exp.',
      diagnostic: 'non-finite',
    },
  ],
});
