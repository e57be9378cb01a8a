import { defineProblem, type CaseSpec } from '../../../src/judge/problem';
import { shapeOf, tensorOf } from '../../../src/judge/contract';
import { tensorSpec } from '../../../src/judge/inputs';
import type { Rng } from '../../../src/judge/rng';
import { loraLinear } from './reference';

/**
 * x ~ N(0, 1); w and a ~ N(0, 1/dIn) so projections stay of order 1; b ~ N(0, 1), never zero.
 * (Real LoRA initialises b = 0, which would make every update vanish and hide every bug here.)
 */
function randomCase(rng: Rng, name: string, lead: number[], dIn: number, dOut: number, r: number, alpha: number): CaseSpec {
  const s = 1 / Math.sqrt(dIn);
  return {
    name,
    public: false,
    args: [rng.normal([...lead, dIn]), rng.normal([dIn, dOut], s), rng.normal([dIn, r], s), rng.normal([r, dOut]), alpha],
  };
}

function cases(rng: Rng): CaseSpec[] {
  const list: CaseSpec[] = [
    {
      name: 'example 1: rank-2 x, r = 2, alpha = 4',
      public: true,
      args: [
        tensorSpec([1, 0, 2, 0, 1, -1], [2, 3]),
        tensorSpec([1, 0, 0, 0, 1, 0, 1, 1, 1], [3, 3]),
        tensorSpec([1, 0, 0, 1, 1, 0], [3, 2]),
        // Not square and not symmetric: a transposed b must not slip through.
        tensorSpec([1, 0, 1, 0, -1, 2], [2, 3]),
        4,
      ],
    },
    {
      name: 'example 2: rank-3 x, r = 1, alpha = 0.5',
      public: true,
      args: [
        tensorSpec([1, 2, 3, 4], [1, 2, 2]),
        tensorSpec([1, 0, 1, 0, 1, 1], [2, 3]),
        tensorSpec([1, -1], [2, 1]),
        tensorSpec([1, 2, 0], [1, 3]),
        0.5,
      ],
    },
    randomCase(rng, 'hidden: rank-3 x [2, 3, 8], r = 4, alpha = 16', [2, 3], 8, 6, 4, 16),
    randomCase(rng, 'hidden: rank 1 (r = 1)', [5], 6, 4, 1, 8),
    randomCase(rng, 'hidden: r = dIn', [3], 4, 5, 4, 8),
    randomCase(rng, 'hidden: r = dOut', [4], 7, 3, 3, 6),
    randomCase(rng, 'hidden: batch 1, rank-2 x', [1], 8, 3, 2, 16),
    randomCase(rng, 'hidden: batch 1, rank-3 x [1, 1, dIn]', [1, 1], 6, 5, 2, 1),
    randomCase(rng, 'hidden: rank-3 x [2, 5, 8]', [2, 5], 8, 8, 4, 32),
    randomCase(rng, 'hidden: rank-4 x [2, 3, 4, 6]', [2, 3, 4], 6, 5, 2, 4),
    randomCase(rng, 'hidden: alpha = r (scale 1)', [3], 6, 4, 4, 4),
    randomCase(rng, 'hidden: alpha < r (scale 1/16)', [2, 4], 10, 6, 8, 0.5),
    randomCase(rng, 'hidden: dOut = 1', [6], 5, 1, 2, 3),
    randomCase(rng, 'hidden: wider layer [2, 16, 32] → 24, r = 8', [2, 16], 32, 24, 8, 32),
  ];
  for (let i = 0; i < 3; i++) {
    const rank = rng.int(2, 4);
    const lead = Array.from({ length: rank - 1 }, () => rng.int(1, 4));
    const dIn = rng.int(2, 12);
    const r = rng.int(1, dIn);
    list.push(randomCase(rng, `hidden: random shapes ${i + 1}`, lead, dIn, rng.int(1, 12), r, rng.pick([1, 2, 4, 8, 16, 0.5])));
  }
  return list;
}

export default defineProblem({
  id: 'lora/lora-linear',
  entry: 'loraLinear',
  argNames: ['x', 'w', 'a', 'b', 'alpha'],
  reference: loraLinear,
  // [..., dOut]: x's leading axes, w's output width (the statement names no dtype; float32).
  output: tensorOf('float32', (args) => [...shapeOf(args, 0).slice(0, -1), shapeOf(args, 1)[1]]),
  cases,
  mistakes: [
    {
      id: 'scaled-by-alpha',
      title: 'update scaled by alpha instead of alpha / r',
      explanation: 'LoRA divides by the rank so that changing r does not change the update size: scale x·a·b by alpha / r.',
      diagnostic: 'mismatch',
    },
    {
      id: 'scaled-by-r-over-alpha',
      title: 'update scaled by r / alpha (ratio upside down)',
      explanation: 'The scale is alpha / r: alpha on top, the rank r below.',
      diagnostic: 'mismatch',
    },
    {
      id: 'missing-base',
      title: 'frozen projection x·w left out',
      explanation: 'LoRA adds a low-rank update to the frozen layer: the output is x·w plus the scaled update, not the update alone.',
      diagnostic: 'mismatch',
    },
    {
      id: 'scaling-whole-output',
      title: 'alpha / r applied to the whole output',
      explanation: 'Only the low-rank update x·a·b is scaled; x·w is added unscaled.',
      diagnostic: 'mismatch',
    },
    {
      id: 'rank-from-wrong-axis',
      title: 'rank r read from a.shape[0] (that is dIn)',
      explanation: 'a has shape [dIn, r]: the rank is a.shape[1] (or b.shape[0]).',
      diagnostic: 'mismatch',
    },
    {
      id: 'flattened-output',
      title: 'leading axes not restored after flattening x',
      explanation: 'After computing on x reshaped to [n, dIn], reshape the result back to [...x.shape.slice(0, -1), dOut].',
      diagnostic: 'shape',
    },
    {
      id: 'rslora-sqrt-scale',
      title: 'update scaled by alpha / √r (rsLoRA) instead of alpha / r',
      explanation: 'Plain LoRA scales the update by alpha / r. The rank-stabilized variant (rsLoRA) uses alpha / √r, which is a different layer; here y = xW + (alpha / r)·(xA)B.',
      diagnostic: 'mismatch',
    },
    {
      id: 'update-subtracted',
      title: 'the LoRA update subtracted from the base output',
      explanation: 'The low-rank update is added next to the frozen layer: y = xW + (alpha / r)·(xA)B.',
      diagnostic: 'mismatch',
    },
    {
      id: 'missing-update',
      title: 'the LoRA update left out: y = xW',
      explanation: 'B is non-zero here, so the adapter contributes: y = xW + (alpha / r)·(xA)B. Only at initialization (B = 0) does the update vanish.',
      diagnostic: 'mismatch',
    },
    {
      id: 'rank-from-b-last-axis',
      title: 'rank r read from b.shape[1] (that is dOut)',
      explanation: 'b is [r, dOut], so its last axis is the output width. The rank is the bottleneck width: a.shape[1] = b.shape[0].',
      diagnostic: 'mismatch',
    },
    {
      id: 'b-transposed',
      title: 'b transposed (PyTorch lora_B convention)',
      explanation: 'Here b is already [r, dOut]: compute (x·a)·b with no transpose. PEFT stores lora_B as [dOut, r], which is why it transposes.',
      diagnostic: 'runtime-error',
    },
    {
      id: 'scale-floor-division',
      title: 'alpha / r rounded down to an integer (Python alpha // r)',
      explanation: 'The LoRA scale is the real ratio alpha / r: with alpha = 1, r = 8 it is 0.125, not 0. Math.floor (or porting Python’s //) throws away the fraction and can zero the adapter.',
      diagnostic: 'mismatch',
    },
    {
      id: 'scale-alpha-times-r',
      title: 'update scaled by alpha · r instead of alpha / r',
      explanation: 'The scale is alpha divided by the rank, s = alpha / r, so a larger rank gives each direction a smaller weight; multiplying by r makes the update r² times too large.',
      diagnostic: 'mismatch',
    },
    {
      id: 'scale-on-both-factors',
      title: 'alpha / r applied twice (to both factors), i.e. (alpha / r)² overall',
      explanation: 'The product a·b is scaled once: (alpha / r)·a·b. Scaling a and b (or x·a and the result) separately multiplies the update by (alpha / r)².',
      diagnostic: 'mismatch',
    },
  ],
});
