import { defineProblem, type ArgSpec, type CaseSpec } from '../../../src/judge/problem';
import { objectOf, shapeOf, tensorOf } from '../../../src/judge/contract';
import { tensorSpec } from '../../../src/judge/inputs';
import type { Rng } from '../../../src/judge/rng';
import { gradAccumulationTrain } from './reference';

/** Micro-batches of the given sizes for a din → dout linear regression. */
function microBatches(rng: Rng, sizes: number[], din: number, dout: number): ArgSpec[] {
  return sizes.map((n) => ({ x: rng.normal([n, din]), y: rng.normal([n, dout]) }));
}

function randomCase(rng: Rng, name: string, din: number, dout: number, stepSizes: number[][], lr: number): CaseSpec {
  return {
    name,
    public: false,
    args: [rng.normal([din, dout], 0.5), rng.normal([dout], 0.5), stepSizes.map((sizes) => microBatches(rng, sizes, din, dout)), lr],
  };
}

function cases(rng: Rng): CaseSpec[] {
  const list: CaseSpec[] = [
    {
      name: 'example 1: one step, two micro-batches of 2',
      public: true,
      args: [
        tensorSpec([0.5, -1], [2, 1]),
        tensorSpec([0], [1]),
        [[
          { x: tensorSpec([1, 0, 0, 1], [2, 2]), y: tensorSpec([1, 0], [2, 1]) },
          { x: tensorSpec([1, 1, 2, 0], [2, 2]), y: tensorSpec([0, 2], [2, 1]) },
        ]],
        0.1,
      ],
    },
    {
      name: 'example 2: two steps, micro-batches of 1 and 3',
      public: true,
      args: [
        tensorSpec([1], [1, 1]),
        tensorSpec([0.5], [1]),
        [
          [
            { x: tensorSpec([2], [1, 1]), y: tensorSpec([1], [1, 1]) },
            { x: tensorSpec([0, 1, -1], [3, 1]), y: tensorSpec([1, 0, 2], [3, 1]) },
          ],
          [
            { x: tensorSpec([1], [1, 1]), y: tensorSpec([3], [1, 1]) },
            { x: tensorSpec([1, 2, 0], [3, 1]), y: tensorSpec([0, 1, 1], [3, 1]) },
          ],
        ],
        0.1,
      ],
    },
  ];
  list.push(randomCase(rng, 'hidden: three equal micro-batches, one step', 3, 2, [[4, 4, 4]], 0.05));
  list.push(randomCase(rng, 'hidden: unequal micro-batches [5, 1, 2]', 4, 3, [[5, 1, 2]], 0.05));
  list.push(randomCase(rng, 'hidden: three steps of equal micro-batches', 3, 2, [[3, 3], [3, 3], [3, 3]], 0.05));
  list.push(randomCase(rng, 'hidden: micro-batches of size 1', 2, 2, [[1, 1, 1, 1], [1, 1, 1, 1]], 0.1));
  list.push(randomCase(rng, 'hidden: a single micro-batch per step', 4, 2, [[6], [6], [6]], 0.05));
  list.push(randomCase(rng, 'hidden: dout = 1, unequal sizes, two steps', 5, 1, [[2, 7], [4, 1, 3]], 0.05));
  list.push(randomCase(rng, 'hidden: number of micro-batches changes between steps', 3, 3, [[2, 2], [1, 2, 3, 2], [5]], 0.05));
  list.push(randomCase(rng, 'hidden: one step, one example', 3, 2, [[1]], 0.1));
  for (let i = 0; i < 3; i++) {
    const steps = Array.from({ length: rng.int(1, 4) }, () => Array.from({ length: rng.int(1, 4) }, () => rng.int(1, 6)));
    list.push(randomCase(rng, `hidden: random shapes ${i + 1}`, rng.int(1, 6), rng.int(1, 4), steps, rng.pick([0.01, 0.03, 0.05])));
  }
  return list;
}

export default defineProblem({
  id: 'training/grad-accumulation',
  entry: 'gradAccumulationTrain',
  argNames: ['W', 'b', 'steps', 'lr'],
  reference: gradAccumulationTrain,
  // { W: [din, dout], b: [dout] }, float32.
  output: objectOf({
    W: tensorOf('float32', (args) => shapeOf(args, 0)),
    b: tensorOf('float32', (args) => shapeOf(args, 1)),
  }),
  cases,
  mistakes: [
    {
      id: 'step-per-micro-batch',
      title: 'an optimizer step after every micro-batch',
      explanation:
        'Accumulation means one update per large batch: add up the gradients of all micro-batches of a step and apply W -= lr·g once, after the last micro-batch.',
      diagnostic: 'mismatch',
    },
    {
      id: 'sum-not-average',
      title: 'micro-batch mean gradients summed instead of averaged',
      explanation:
        'Adding the mean gradient of each micro-batch gives M times the large-batch gradient for M equal micro-batches. Scale each micro-batch by nᵢ/N (or sum per-example gradients and divide by N).',
      diagnostic: 'mismatch',
    },
    {
      id: 'mean-of-micro-means',
      title: 'averaged by the number of micro-batches, so unequal micro-batches are mis-weighted',
      explanation:
        'Averaging the M micro-batch means weights every micro-batch equally; an example in a micro-batch of 1 counts as much as a micro-batch of 5. Weight micro-batch i by nᵢ/N, where N is the total number of examples in the step.',
      diagnostic: 'mismatch',
    },
    {
      id: 'sum-over-examples',
      title: 'gradient summed over the examples, never divided by N',
      explanation:
        'The loss is the mean over the N examples of the step, so the accumulated per-example gradients must be divided by N. Without it the step is N times too large.',
      diagnostic: 'mismatch',
    },
    {
      id: 'missing-factor-2',
      title: 'factor 2 of the squared error dropped from the gradient',
      explanation:
        'd/dz ‖z‖² = 2z: ∂L/∂W = (2/N)·Xᵀ(XW + b − Y) and ∂L/∂b = (2/N)·Σ(XW + b − Y). Without the 2 every step is half as long.',
      diagnostic: 'mismatch',
    },
    {
      id: 'accumulator-not-zeroed',
      title: 'accumulated gradients not reset between steps',
      explanation:
        'The accumulators must start from zero at every optimizer step (optimizer.zero_grad()); otherwise step 2 also applies the gradient of step 1 again.',
      diagnostic: 'mismatch',
    },
    {
      id: 'n-from-first-micro-batch',
      title: 'N taken as (number of micro-batches) × (size of the first micro-batch)',
      explanation: 'Micro-batches can have different sizes, so N must be the actual total number of examples in the step: Σₘ nₘ. Multiplying the first size by the count is wrong as soon as the sizes differ.',
      diagnostic: 'mismatch',
    },
    {
      id: 'n-from-first-step',
      title: 'N computed once from the first step and reused for every step',
      explanation: 'Each optimizer step averages over its own examples; recompute N = Σₘ nₘ inside the step loop, since later steps can hold a different number of examples.',
      diagnostic: 'mismatch',
    },
    {
      id: 'mean-over-outputs-too',
      title: 'gradient divided by N·dout (mean over outputs as well) instead of N',
      explanation: 'The loss sums the squared error over the outputs and averages over the N examples only. tf.losses.meanSquaredError or .square().mean() also averages over dout, shrinking the gradient by a factor dout.',
      diagnostic: 'mismatch',
    },
    {
      id: 'bias-grad-summed-over-outputs',
      title: 'bias gradient summed over all elements instead of over the examples (axis 0)',
      explanation: '∂L/∂b has one entry per output: (2/N)·Σᵢ rᵢ, summed over the batch axis only (r.sum(0)). Summing over everything gives every bias the same value.',
      diagnostic: 'mismatch',
    },
    {
      id: 'residual-sign-flipped',
      title: 'residual taken as y − ŷ, so the update climbs the loss',
      explanation: 'The gradient of ‖xW + b − y‖² uses r = xW + b − y. With r = y − ŷ the gradient has the wrong sign and W −= lr·g moves uphill.',
      diagnostic: 'mismatch',
    },
    {
      id: 'bias-not-updated',
      title: 'bias never updated',
      explanation: 'Both parameters take the step: W ← W − η·∂L/∂W and b ← b − η·∂L/∂b, with ∂L/∂b = (2/N)·Σᵢ(xᵢW + b − yᵢ).',
      diagnostic: 'mismatch',
    },
    {
      id: 'accumulated-sums-not-zeroed',
      title: 'running gradient sums not reset between steps (each step divides the whole history by its own N)',
      explanation: 'Start every optimizer step from zero accumulators; otherwise each step re-applies the per-example gradients of all earlier steps, rescaled by the current N.',
      diagnostic: 'mismatch',
    },
    {
      id: 'accumulator-overwritten',
      title: 'accumulator overwritten by each micro-batch instead of added to',
      explanation: 'g = g + (2/N)·Xₘᵀrₘ sums the contributions of all micro-batches; g = (2/N)·Xₘᵀrₘ keeps only the last one, so the earlier micro-batches of the step are lost.',
      diagnostic: 'mismatch',
    },
    {
      id: 'bias-missing-from-prediction',
      title: 'bias left out of the prediction in the residual',
      explanation: 'The residual is r = XW + b − Y: the current bias is part of the prediction. Without it both gradients are computed at the wrong point (and the bias gradient never depends on b).',
      diagnostic: 'mismatch',
    },
  ],
});
