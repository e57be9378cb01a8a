import { defineProblem, type CaseSpec } from '../../../src/judge/problem';
import { objectOf, shapeOf, tensorOf } from '../../../src/judge/contract';
import { tensorSpec, type TensorSpec } from '../../../src/judge/inputs';
import type { Rng } from '../../../src/judge/rng';
import { flashAttentionCausal } from './reference';

function attn(rng: Rng, batch: number[], t: number, d: number, dv: number, blockSize: number, scale = 1) {
  return [rng.normal([...batch, t, d], scale), rng.normal([...batch, t, d], scale), rng.normal([...batch, t, dv]), blockSize];
}

/**
 * (Example 1 has dv = 2 ≥ B, so a [t, B] strip fits there while the full [t, t] scores do not: the
 * first over-limit case tells 'key-tiles-only' and 'materializes-full-scores' apart, and
 * 'key-tiles-only' is listed first because the judge names the first resource-limit mistake that
 * also goes over the limit.)
 *
 * The largest tensor a tiled implementation needs: one tile of scores [.., B, B], or a tensor the
 * size of an input or of the output (q scaled, the output, the logsumexp). Most cases keep B above
 * d and dv and t above B, so neither the full [.., t, t] scores nor a [.., t, B] strip of them fits.
 */
function maxTensorElements(spec: CaseSpec): number {
  const [q, , v, blockSize] = spec.args as [TensorSpec, TensorSpec, TensorSpec, number];
  const r = q.shape.length;
  const batch = q.shape.slice(0, r - 2).reduce((a, b) => a * b, 1);
  const [t, d] = q.shape.slice(r - 2);
  const dv = v.shape[r - 1];
  return batch * Math.max(blockSize * blockSize, t * d, t * dv);
}

/** Asserts the tiling promise of a case: t > B > max(d, dv), so a [t, B] strip of scores is over the limit. */
function stripOverLimit(args: (TensorSpec | number)[]): (TensorSpec | number)[] {
  const [q, , v, blockSize] = args as [TensorSpec, TensorSpec, TensorSpec, number];
  const r = q.shape.length;
  const [t, d] = q.shape.slice(r - 2);
  const dv = v.shape[r - 1];
  if (!(t > blockSize && blockSize > d && blockSize > dv)) throw new Error(`case generator: need t > B > d, dv (t ${t}, B ${blockSize}, d ${d}, dv ${dv})`);
  return args;
}

/**
 * Batch 2, t = 16, d = 4, dv = 3, tiles of 5. Every key has k[0] ≈ 10, so query rows 0–5
 * (q[0] = −200) score about −1000 on every key they see, rows 6–10 (q[0] = +200) about +1000, and
 * rows 11–15 are ordinary. Asserted over the visible keys j ≤ i: rows 0–5 have every score below
 * −745 (exp underflows even in float64 unless the running max starts at −∞), rows 6–10 have a
 * score above 710.
 */
function extremeRows(rng: Rng): (TensorSpec | number)[] {
  const [b, t, d, dv] = [2, 16, 4, 3];
  const q = rng.normal([b, t, d]);
  const k = rng.normal([b, t, d]);
  for (let i = 0; i < b * t; i++) k.data[i * d] = 10 + 0.02 * rng.gaussian();
  for (let bi = 0; bi < b; bi++) for (let i = 0; i < 11; i++) q.data[(bi * t + i) * d] = i < 6 ? -200 : 200;
  for (let bi = 0; bi < b; bi++) {
    for (let i = 0; i < t; i++) {
      const scores: number[] = [];
      for (let j = 0; j <= i; j++) {
        let dot = 0;
        for (let c = 0; c < d; c++) dot += q.data[(bi * t + i) * d + c] * k.data[(bi * t + j) * d + c];
        scores.push(dot / Math.sqrt(d));
      }
      if (i < 6 && !(Math.max(...scores) < -745)) throw new Error(`case generator: row ${i} must score below −745 on every visible key`);
      if (i >= 6 && i < 11 && !(Math.max(...scores) > 710)) throw new Error(`case generator: row ${i} must have a score above 710`);
    }
  }
  return [q, k, rng.normal([b, t, dv]), 5];
}

function cases(rng: Rng): CaseSpec[] {
  const list: CaseSpec[] = [
    {
      name: 'example 1: t = 3, d = 1, dv = 2, tiles of 2',
      public: true,
      args: [tensorSpec([1, 2, 1], [3, 1]), tensorSpec([0, 1, 2], [3, 1]), tensorSpec([1, 0, 2, 1, 3, 0], [3, 2]), 2],
    },
    {
      name: 'example 2: t = 4, d = 2, tiles of 3',
      public: true,
      args: [
        tensorSpec([2, 0, 0, 2, 2, 2, 0, 0], [4, 2]),
        tensorSpec([0, 0, 1, 0, 0, 3, 3, 0], [4, 2]),
        tensorSpec([1, 0, 0, 1, 2, 2, 4, 0], [4, 2]),
        3,
      ],
    },
    { name: 'example 3: batch 2, t = 12, tiles of 5', public: true, args: stripOverLimit(attn(rng, [2], 12, 4, 4, 5)) },
    { name: 'hidden: batch 1', public: false, args: stripOverLimit(attn(rng, [1], 16, 4, 3, 6)) },
    { name: 'hidden: t not a multiple of the tile size', public: false, args: stripOverLimit(attn(rng, [2], 13, 3, 4, 5)) },
    { name: 'hidden: last tile of one row', public: false, args: stripOverLimit(attn(rng, [1], 13, 2, 5, 6)) },
    { name: 'hidden: tile size 1', public: false, args: attn(rng, [2], 7, 4, 4, 1) },
    { name: 'hidden: one tile covers the whole sequence', public: false, args: attn(rng, [2], 6, 4, 4, 8) },
    { name: 'hidden: no batch axis', public: false, args: stripOverLimit(attn(rng, [], 20, 3, 2, 7)) },
    { name: 'hidden: t = 1', public: false, args: attn(rng, [3], 1, 4, 4, 4) },
    { name: 'hidden: d = 16, t = 40, tiles of 17', public: false, args: stripOverLimit(attn(rng, [1], 40, 16, 16, 17)) },
    { name: 'hidden: large-magnitude scores', public: false, args: stripOverLimit(attn(rng, [2], 14, 4, 4, 6, 30)) },
    { name: 'hidden: large-magnitude scores, uneven tiles', public: false, args: stripOverLimit(attn(rng, [1], 19, 4, 3, 7, 20)) },
    { name: 'hidden: rows scoring about −1000 and +1000 on every visible key', public: false, args: extremeRows(rng) },
  ];
  for (let i = 0; i < 3; i++) {
    const d = rng.int(1, 5);
    const dv = rng.int(1, 5);
    const blockSize = rng.int(Math.max(d, dv) + 1, 8);
    list.push({ name: `hidden: random shapes ${i + 1}`, public: false, args: stripOverLimit(attn(rng, [rng.int(1, 3)], rng.int(blockSize + 1, 20), d, dv, blockSize)) });
  }
  return list;
}

export default defineProblem({
  id: 'attention/flash-attention-causal',
  entry: 'flashAttentionCausal',
  argNames: ['q', 'k', 'v', 'blockSize'],
  reference: flashAttentionCausal,
  // out [..., t, dv] (q's leading axes and length, v's width), lse [..., t]; both float32.
  output: objectOf({
    out: tensorOf('float32', (args) => [...shapeOf(args, 0).slice(0, -1), shapeOf(args, 2).at(-1)!]),
    lse: tensorOf('float32', (args) => shapeOf(args, 0).slice(0, -1)),
  }),
  cases,
  maxTensorElements,
  mistakes: [
    {
      id: 'key-tiles-only',
      title: 'only the keys are tiled: each block of scores is [t, B]',
      explanation: 'A strip of scores for all t queries against one key tile is still O(t·B) and over the limit. Tile the queries too: for each query tile of B rows, walk the key tiles, so each block of scores is at most [B, B].',
      diagnostic: 'resource-limit',
    },
    {
      id: 'materializes-full-scores',
      title: 'full [t, t] score matrix materialized (standard masked attention)',
      explanation: 'softmax(q·kᵀ/√d + mask)·v builds the [t, t] matrix tiling exists to avoid. Loop over query tiles and, inside, over key tiles of blockSize, with a running max, sum and accumulator per query row.',
      diagnostic: 'resource-limit',
    },
    {
      id: 'no-causal-mask',
      title: 'causal mask missing',
      explanation: 'Query i may only see keys 0..i. Inside a tile the mask compares global positions: key kStart + c is visible from query qStart + r when kStart + c ≤ qStart + r.',
      diagnostic: 'mismatch',
    },
    {
      id: 'mask-uses-tile-local-indices',
      title: 'mask built from tile-local indices (c ≤ r) in every tile',
      explanation: 'The lower-triangular pattern belongs only to tiles on the diagonal. Compare global positions, kStart + c ≤ qStart + r: a key tile entirely before the query tile is fully visible, one entirely after is fully masked.',
      diagnostic: 'mismatch',
    },
    {
      id: 'mask-excludes-diagonal',
      title: 'a query cannot see its own key (j < i instead of j ≤ i)',
      explanation: 'Causal attention includes the current position: key j is visible from query i when j ≤ i. With j < i the first query sees nothing at all.',
      diagnostic: 'mismatch',
    },
    {
      id: 'lse-missing-max',
      title: 'logsumexp returned as log ℓ, without the running max',
      explanation: 'ℓ is the sum of exp(s − m), so log Σ exp(s) = m + log ℓ. Returning log ℓ alone drops the max that was subtracted.',
      diagnostic: 'mismatch',
    },
    {
      id: 'running-sum-not-rescaled',
      title: 'running sum not rescaled when the max changes',
      explanation: 'ℓ was accumulated as Σ exp(s − m_old). When a tile raises the max to m_new, multiply ℓ by exp(m_old − m_new) before adding the new tile (this also fixes the logsumexp).',
      diagnostic: 'mismatch',
    },
    {
      id: 'output-not-rescaled',
      title: 'accumulated output not rescaled when the max changes',
      explanation: 'The accumulator holds Σ exp(s − m_old)·v. Rescale it by the same factor exp(m_old − m_new) as the running sum before adding the new tile.',
      diagnostic: 'mismatch',
    },
    {
      id: 'running-max-starts-at-zero',
      title: 'running max initialized to 0 instead of −∞',
      explanation: 'A row whose visible scores are all far below 0 never raises a max started at 0, so every exp(s − m) underflows: ℓ = 0, the output is 0/0 and the logsumexp log 0. Start m at −∞ (or −1e30).',
      diagnostic: 'non-finite',
    },
    {
      id: 'last-partial-tile-dropped',
      title: 'last, partial tile skipped',
      explanation: 'When t is not a multiple of blockSize the last tile is shorter. Loop while start < t and use size = min(blockSize, t − start), for the query tiles and the key tiles.',
      diagnostic: 'mismatch',
    },
    {
      id: 'missing-scale',
      title: 'scores not scaled by √d',
      explanation: 'Scores are q·kᵀ/√d, with d the size of the last axis of q; the logsumexp is of the scaled scores too.',
      diagnostic: 'mismatch',
    },
  ],
});
