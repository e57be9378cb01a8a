import { defineProblem, type CaseSpec } from '../../../src/judge/problem';
import { shapeOf, tensorOf } from '../../../src/judge/contract';
import { tensorSpec, type TensorSpec } from '../../../src/judge/inputs';
import type { Rng } from '../../../src/judge/rng';
import { flashAttention } from './reference';

function attn(rng: Rng, batch: number[], tq: number, tk: number, d: number, dv: number, blockSize: number, scale = 1) {
  return [rng.normal([...batch, tq, d], scale), rng.normal([...batch, tk, d], scale), rng.normal([...batch, tk, dv]), blockSize];
}

/**
 * The largest tensor a tiled implementation needs: one block of scores [.., tq, blockSize], or a
 * tensor the size of an input or of the output (q scaled, kᵀ, the accumulator). Cases keep tq and
 * tk above d, dv and blockSize, so the full [.., tq, tk] score matrix is over the limit.
 */
function maxTensorElements(spec: CaseSpec): number {
  const [q, k, v, blockSize] = spec.args as [TensorSpec, TensorSpec, TensorSpec, number];
  const r = q.shape.length;
  const batch = q.shape.slice(0, r - 2).reduce((a, b) => a * b, 1);
  const [tq, d] = q.shape.slice(r - 2);
  const tk = k.shape[r - 2];
  const dv = v.shape[r - 1];
  return batch * Math.max(tq * blockSize, tq * d, tq * dv, tk * d, tk * dv);
}

/**
 * Batch 2, tq = 8, tk = 12, d = 4, dv = 3, blocks of 4. Every key has k[0] ≈ 10, so query rows 0–2
 * (q[0] = −200) score about −1000 on every key, rows 3–5 (q[0] = +200) about +1000, and rows 6–7
 * are ordinary. Asserted: rows 0–2 have every score below −745 (exp underflows even in float64
 * unless the running max starts at −∞), rows 3–5 have a score above 710.
 */
function extremeRows(rng: Rng): (TensorSpec | number)[] {
  const [b, tq, tk, d, dv] = [2, 8, 12, 4, 3];
  const q = rng.normal([b, tq, d]);
  const k = rng.normal([b, tk, d]);
  for (let i = 0; i < b * tk; i++) k.data[i * d] = 10 + 0.02 * rng.gaussian();
  for (let bi = 0; bi < b; bi++) for (let i = 0; i < 6; i++) q.data[(bi * tq + i) * d] = i < 3 ? -200 : 200;
  for (let bi = 0; bi < b; bi++) {
    for (let i = 0; i < tq; i++) {
      const scores: number[] = [];
      for (let j = 0; j < tk; j++) {
        let dot = 0;
        for (let c = 0; c < d; c++) dot += q.data[(bi * tq + i) * d + c] * k.data[(bi * tk + j) * d + c];
        scores.push(dot / Math.sqrt(d));
      }
      if (i < 3 && !(Math.max(...scores) < -745)) throw new Error(`case generator: row ${i} must score below −745 on every key`);
      if (i >= 3 && i < 6 && !(Math.max(...scores) > 710)) throw new Error(`case generator: row ${i} must have a score above 710`);
    }
  }
  return [q, k, rng.normal([b, tk, dv]), 4];
}

function cases(rng: Rng): CaseSpec[] {
  const list: CaseSpec[] = [
    {
      name: 'example 1: one query, 3 keys, blocks of 2',
      public: true,
      args: [tensorSpec([1], [1, 1]), tensorSpec([0, 1, 2], [3, 1]), tensorSpec([1, 2, 3], [3, 1]), 2],
    },
    {
      name: 'example 2: two queries, 4 keys, blocks of 2',
      public: true,
      args: [
        tensorSpec([2, 0, 0, 2], [2, 2]),
        tensorSpec([0, 0, 1, 0, 0, 3, 3, 0], [4, 2]),
        tensorSpec([1, 0, 0, 1, 2, 2, 4, 0], [4, 2]),
        2,
      ],
    },
    { name: 'example 3: batch 2, tq = 8, tk = 12, blocks of 4', public: true, args: attn(rng, [2], 8, 12, 4, 4, 4) },
    { name: 'hidden: batch 1', public: false, args: attn(rng, [1], 10, 16, 4, 3, 4) },
    { name: 'hidden: tk not a multiple of the block size', public: false, args: attn(rng, [2], 9, 14, 4, 4, 4) },
    { name: 'hidden: last block of one key', public: false, args: attn(rng, [1], 8, 13, 3, 5, 3) },
    { name: 'hidden: block size 1', public: false, args: attn(rng, [2], 6, 9, 4, 4, 1) },
    { name: 'hidden: one block covers every key', public: false, args: attn(rng, [2], 5, 6, 4, 4, 8) },
    { name: 'hidden: no batch axis, tq ≠ tk', public: false, args: attn(rng, [], 16, 10, 6, 4, 3) },
    { name: 'hidden: tq = 1', public: false, args: attn(rng, [3], 1, 12, 4, 4, 5) },
    { name: 'hidden: large-magnitude scores', public: false, args: attn(rng, [2], 10, 16, 4, 4, 4, 30) },
    { name: 'hidden: large-magnitude scores, uneven blocks', public: false, args: attn(rng, [1], 12, 20, 8, 6, 6, 20) },
    { name: 'hidden: rows scoring about −1000 and +1000 on every key', public: false, args: extremeRows(rng) },
  ];
  for (let i = 0; i < 3; i++) {
    const d = rng.int(1, 6);
    const dv = rng.int(1, 6);
    const tq = rng.int(7, 14);
    const tk = rng.int(8, 20);
    list.push({ name: `hidden: random shapes ${i + 1}`, public: false, args: attn(rng, [rng.int(1, 3)], tq, tk, d, dv, rng.int(2, 7)) });
  }
  return list;
}

export default defineProblem({
  id: 'attention/flash-attention',
  entry: 'flashAttention',
  argNames: ['q', 'k', 'v', 'blockSize'],
  reference: flashAttention,
  // [..., tq, dv] float32: q's leading axes and query length, v's feature width.
  output: tensorOf('float32', (args) => [...shapeOf(args, 0).slice(0, -1), shapeOf(args, 2).at(-1)!]),
  cases,
  maxTensorElements,
  mistakes: [
    {
      id: 'materializes-full-scores',
      title: 'full score matrix materialized (standard attention)',
      explanation: 'Computing q·kᵀ for the whole sequence builds the [tq, tk] matrix tiling exists to avoid. Loop over key blocks of blockSize, keeping a running max, running sum and output accumulator.',
      diagnostic: 'resource-limit',
    },
    {
      id: 'running-sum-not-rescaled',
      title: 'running sum not rescaled when the max changes',
      explanation:
        'ℓ was accumulated as Σ exp(s − m_old). When a block raises the max to m_new, multiply ℓ by exp(m_old − m_new) before adding the new block: ℓ ← ℓ·exp(m_old − m_new) + Σ exp(s − m_new).',
      diagnostic: 'mismatch',
    },
    {
      id: 'output-not-rescaled',
      title: 'accumulated output not rescaled when the max changes',
      explanation:
        'The accumulator holds Σ exp(s − m_old)·v. Rescale it by the same factor exp(m_old − m_new) as the running sum before adding exp(s − m_new)·v_block.',
      diagnostic: 'mismatch',
    },
    {
      id: 'no-final-normalization',
      title: 'accumulator returned without dividing by the running sum',
      explanation: 'The accumulator is the unnormalized numerator. After the last block, return acc / ℓ.',
      diagnostic: 'mismatch',
    },
    {
      id: 'missing-scale',
      title: 'scores not scaled by √d',
      explanation: 'Each block\'s scores are q·k_blockᵀ/√d, with d the size of the last axis of q.',
      diagnostic: 'mismatch',
    },
    {
      id: 'last-partial-block-dropped',
      title: 'last, partial key block skipped',
      explanation:
        'When tk is not a multiple of blockSize the last block is shorter. Loop while start < tk and use size = min(blockSize, tk − start).',
      diagnostic: 'mismatch',
    },
    {
      id: 'running-max-starts-at-zero',
      title: 'running max initialized to 0 instead of −∞',
      explanation:
        'With m starting at 0, a row whose scores are all far below zero never raises it, so every exp(s − m) underflows to 0 and the output is 0/0. Start m at −∞ (or a huge negative number such as −1e30) so the first block sets it to that block\'s row max.',
      diagnostic: 'non-finite',
    },
    {
      id: 'block-terms-not-rescaled',
      title: "block exponentiated with its own max but added without rescaling to the running max",
      explanation:
        'If P = exp(S − rowmax(S)) uses the block\'s own max, P must be multiplied by exp(rowmax(S) − m\') before it joins ℓ and a, or blocks whose max is below the running max are over-weighted. Simplest: exponentiate S − m\' with the new running max m\'.',
      diagnostic: 'mismatch',
    },
    {
      id: 'running-max-replaced-by-block-max',
      title: "new running max set to the block's row max instead of max(m, rowmax(S))",
      explanation:
        "m must be the max over every block seen so far: m' = max(m, rowmax(S)). Replacing it with the current block's max alone is exact on paper, but when a block scores far below an earlier one the correction exp(m − m') = exp(large positive) overflows (beyond ≈ 88 in float32), ℓ and the accumulator become Infinity and the row comes out NaN. Take the elementwise maximum, so m − m' ≤ 0 and every correction is at most 1.",
      diagnostic: 'non-finite',
    },
    {
      id: 'running-max-replaced-by-block-max-loops',
      title: "new running max set to the block's row max instead of max(m, rowmax(S)) (float64 loops)",
      explanation:
        "m must be the max over every block seen so far: m' = max(m, rowmax(S)). With the current block's max alone, the correction exp(m − m') overflows when a block scores far below an earlier one (beyond ≈ 709 in JavaScript numbers), ℓ and the accumulator become Infinity and the row comes out NaN. Use m' = Math.max(m, blockMax), so m − m' ≤ 0 and every correction is at most 1.",
      diagnostic: 'non-finite',
    },
    {
      id: 'no-running-max',
      title: 'exp of raw scores without a running max',
      explanation:
        'Without subtracting the running maximum, exp overflows to Infinity for large scores and the result is NaN. Track m = max over the blocks seen so far and exponentiate s − m.',
      diagnostic: 'non-finite',
    },
    {
      id: 'correction-inverted',
      title: 'correction factor inverted: exp(m′ − m) instead of exp(m − m′)',
      explanation: 'Terms summed under the old max m become terms under the new max m′ ≥ m by multiplying by exp(m − m′) ≤ 1. exp(m′ − m) grows them instead, and on the first block (m = −∞) it is Infinity, so ℓ and the accumulator become NaN.',
      diagnostic: 'non-finite',
    },
    {
      id: 'running-max-not-updated',
      title: 'running max never updated (m = m′ missing)',
      explanation: 'After each block set m ← m′. If m stays at its initial −∞, the correction exp(m − m′) is 0 every time, each block wipes out ℓ and the accumulator, and only the last block counts.',
      diagnostic: 'mismatch',
    },
    {
      id: 'max-over-whole-block',
      title: 'one max over the whole score block instead of a max per query row',
      explanation: 'm must be per query row: s.max(-1, true). A single max shared by every row is mathematically allowed, but a row scoring far below the others then gets exp(s − m) = 0 on every key and comes out 0/0 = NaN.',
      diagnostic: 'non-finite',
    },
    {
      id: 'scaled-by-d',
      title: 'scores divided by d instead of √d',
      explanation: 'The scale is 1/√d. Dividing by d (or scaling both q and k by 1/√d) flattens the softmax.',
      diagnostic: 'mismatch',
    },
    {
      id: 'per-block-softmax-averaged',
      title: 'softmax taken per block and the block outputs averaged',
      explanation: 'The softmax runs over all tk keys, not block by block. Blocks must be merged with the online softmax: keep a running max m and sum ℓ, rescale ℓ and the accumulator by exp(m − m′), and divide by ℓ only at the end.',
      diagnostic: 'mismatch',
    },
    {
      id: 'first-block-skipped',
      title: 'first key block skipped (loop starts at blockSize)',
      explanation: 'The key blocks start at 0, blockSize, 2·blockSize, …; starting the loop at blockSize drops keys 0..blockSize−1 (and leaves 0/0 when there is only one block).',
      diagnostic: 'mismatch',
    },
  ],
});
