import { defineProblem, type CaseSpec } from '../../../src/judge/problem';
import { objectOf, plainNumber, shapeOf, tensorOf } from '../../../src/judge/contract';
import { tensorSpec } from '../../../src/judge/inputs';
import type { Rng } from '../../../src/judge/rng';
import { loraTrainingStep } from './reference';

/** Random layer and batch. `bInit` 'zero' is the standard LoRA init (B = 0), 'trained' a non-zero B. */
function step(rng: Rng, n: number, dIn: number, dOut: number, r: number, lr: number, alpha: number, bInit: 'zero' | 'trained', scale = 1) {
  const b = bInit === 'zero' ? tensorSpec(new Array(r * dOut).fill(0), [r, dOut]) : rng.normal([r, dOut], 0.5);
  return [rng.normal([n, dIn], scale), rng.normal([n, dOut], scale), rng.normal([dIn, dOut], 0.5), rng.normal([dIn, r], 0.5), b, lr, alpha];
}

function cases(rng: Rng): CaseSpec[] {
  const list: CaseSpec[] = [
    {
      name: 'example 1: fresh adapter (b = 0), n = 2, r = 2, alpha = 6',
      public: true,
      args: [
        tensorSpec([1, 2, 0, -1], [2, 2]),
        tensorSpec([1, 0, 2, 1], [2, 2]),
        tensorSpec([0.5, -1, 1, 0], [2, 2]),
        tensorSpec([0.5, -0.5, 1, 0.5], [2, 2]),
        tensorSpec([0, 0, 0, 0], [2, 2]),
        0.1,
        6,
      ],
    },
    {
      name: 'example 2: trained adapter, n = 1, dIn = 3, dOut = 2, r = 1, alpha = 2',
      public: true,
      args: [
        tensorSpec([1, -1, 2], [1, 3]),
        tensorSpec([0, 1], [1, 2]),
        tensorSpec([1, 0, 0, 1, 0.5, 0.5], [3, 2]),
        tensorSpec([0.5, 0, 1], [3, 1]),
        tensorSpec([1, -1], [1, 2]),
        0.05,
        2,
      ],
    },
    { name: 'hidden: fresh adapter, batch 8', public: false, args: step(rng, 8, 6, 4, 2, 0.1, 8, 'zero') },
    { name: 'hidden: trained adapter, batch 8', public: false, args: step(rng, 8, 6, 4, 2, 0.1, 8, 'trained') },
    { name: 'hidden: batch 1', public: false, args: step(rng, 1, 5, 3, 2, 0.05, 4, 'trained') },
    { name: 'hidden: rank 1', public: false, args: step(rng, 4, 7, 5, 1, 0.1, 16, 'trained') },
    { name: 'hidden: alpha < r', public: false, args: step(rng, 6, 8, 8, 4, 0.2, 1, 'trained') },
    { name: 'hidden: alpha = r', public: false, args: step(rng, 5, 4, 6, 3, 0.1, 3, 'trained') },
    { name: 'hidden: dOut = 1 (regression head)', public: false, args: step(rng, 10, 6, 1, 2, 0.1, 4, 'trained') },
    { name: 'hidden: wide layer, fresh adapter', public: false, args: step(rng, 3, 16, 12, 4, 0.05, 8, 'zero') },
    { name: 'hidden: large lr', public: false, args: step(rng, 4, 5, 5, 2, 1.5, 4, 'trained') },
    { name: 'hidden: large-magnitude inputs', public: false, args: step(rng, 6, 6, 4, 2, 0.001, 4, 'trained', 10) },
  ];
  for (let i = 0; i < 3; i++) {
    const dIn = rng.int(2, 16);
    const dOut = rng.int(1, 16);
    const r = rng.int(1, Math.min(dIn, 8));
    list.push({
      name: `hidden: random shapes ${i + 1}`,
      public: false,
      args: step(rng, rng.int(1, 12), dIn, dOut, r, rng.pick([0.01, 0.1, 0.3]), rng.pick([1, 8, 16]), 'trained'),
    });
  }
  return list;
}

const AUTODIFF = 'this problem is about deriving the LoRA gradients by hand; write dL/dA and dL/dB with matMul.';

export default defineProblem({
  id: 'lora/lora-training-step',
  entry: 'loraTrainingStep',
  argNames: ['x', 'target', 'w', 'a', 'b', 'lr', 'alpha'],
  reference: loraTrainingStep,
  // { a [dIn, r], b [r, dOut], w [dIn, dOut] tensors; loss: a number; trainableParams: a number }.
  output: objectOf({
    a: tensorOf('float32', (args) => shapeOf(args, 3)),
    b: tensorOf('float32', (args) => shapeOf(args, 4)),
    w: tensorOf('float32', (args) => shapeOf(args, 2)),
    loss: plainNumber(),
    trainableParams: plainNumber({ integer: true }),
  }),
  cases,
  forbiddenApis: ['grad', 'grads', 'valueAndGrad', 'valueAndGrads', 'variableGrads', 'customGrad', 'train'].map((name) => ({
    name,
    reason: AUTODIFF,
  })),
  mistakes: [
    {
      id: 'updates-base',
      title: 'the frozen base weight was updated',
      explanation: 'LoRA trains only A and B; w is frozen. Return w unchanged (its gradient is never needed).',
      diagnostic: 'mismatch',
    },
    {
      id: 'grad-missing-scale',
      title: 'alpha / r left out of the gradients',
      explanation: 'The forward pass multiplies the adapter by s = α/r, so by the chain rule both dL/dA and dL/dB carry the same factor s.',
      diagnostic: 'mismatch',
    },
    {
      id: 'counts-base-params',
      title: 'trainable parameters counted including w',
      explanation: 'Only the adapter trains: dIn·r + r·dOut parameters. The frozen dIn·dOut base weight is not trainable.',
      diagnostic: 'mismatch',
    },
    {
      id: 'wrong-sign',
      title: 'step taken along the gradient (ascent)',
      explanation: 'Gradient descent subtracts: a ← a − lr·dL/dA, b ← b − lr·dL/dB.',
      diagnostic: 'mismatch',
    },
    {
      id: 'grad-of-sum',
      title: 'gradient of the summed loss while the loss is a mean',
      explanation: 'loss = mean((y − t)²) over all n·dOut entries, so dL/dy = 2(y − t)/(n·dOut); without the division the step is n·dOut times too large.',
      diagnostic: 'mismatch',
    },
    {
      id: 'missing-factor-two',
      title: 'the 2 from d(e²)/de dropped',
      explanation: 'd/dy (y − t)² = 2(y − t): dL/dy = 2(y − t)/(n·dOut).',
      diagnostic: 'mismatch',
    },
    {
      id: 'updated-b-used-for-a',
      title: "B updated before A's gradient was computed",
      explanation: "dL/dA = s·xᵀ·(dL/dy)·Bᵀ must use the B from the forward pass. Compute both gradients first, then update both — otherwise A's gradient is wrong (and non-zero even on a fresh adapter with B = 0).",
      diagnostic: 'mismatch',
    },
    {
      id: 'loss-after-step',
      title: 'loss reported after the update',
      explanation: 'Return the loss of the forward pass the gradients came from, i.e. at the parameters before the step (what a training loop logs).',
      diagnostic: 'mismatch',
    },
    {
      id: 'mean-over-batch-only',
      title: 'loss averaged over the n examples only, not all n·dOut entries',
      explanation: 'L = (1/(n·dOut)) Σᵢⱼ (Yᵢⱼ − Tᵢⱼ)² is a mean over every entry, so dL/dY = 2(Y − T)/(n·dOut). Dividing by n alone sums over the outputs and scales the loss and both gradients by dOut.',
      diagnostic: 'mismatch',
    },
    {
      id: 'scale-alpha-not-over-r',
      title: 'adapter scaled by alpha instead of alpha / r',
      explanation: 'The LoRA scale is s = alpha / r with r = a.shape[1]; it multiplies the adapter in the forward pass and both gradients.',
      diagnostic: 'mismatch',
    },
    {
      id: 'rank-from-a-rows',
      title: 'rank r read from a.shape[0] (that is dIn)',
      explanation: 'a is [dIn, r]: the rank is its last axis, a.shape[1] (= b.shape[0]), so s = alpha / a.shape[1].',
      diagnostic: 'mismatch',
    },
    {
      id: 'rslora-sqrt-scale',
      title: 'adapter scaled by alpha / √r (rsLoRA) instead of alpha / r',
      explanation: 'This layer uses plain LoRA scaling s = alpha / r; alpha / √r is the rank-stabilized variant and changes the prediction, the loss and both gradients.',
      diagnostic: 'mismatch',
    },
    {
      id: 'forward-missing-base',
      title: 'prediction without the frozen base output x·W',
      explanation: 'W is frozen, not absent: Y = XW + s·(XA)B. Without XW the error, the loss and both gradients are wrong.',
      diagnostic: 'mismatch',
    },
    {
      id: 'updated-a-used-for-b',
      title: "A updated before B's gradient was computed",
      explanation: 'Both gradients are taken at the parameters before the step: dL/dB = s·(XA)ᵀ·dY with the old A. Compute both gradients first, then update.',
      diagnostic: 'mismatch',
    },
    {
      id: 'loss-summed',
      title: 'reported loss is the sum of squared errors, not the mean',
      explanation: 'L is the mean over all n·dOut entries: Σ(Y − T)² / (n·dOut).',
      diagnostic: 'mismatch',
    },
    {
      id: 'uses-autodiff',
      title: 'autodiff used instead of hand-written gradients',
      explanation: 'tf.grad, tf.grads, tf.valueAndGrad(s), tf.variableGrads, tf.customGrad and tf.train are off-limits: derive dL/dA and dL/dB with matMul.',
      diagnostic: 'forbidden-api',
    },
    {
      id: 'scale-floor-division',
      title: 'alpha / r rounded down to an integer (Python alpha // r)',
      explanation: 'The LoRA scale is the real ratio alpha / r: with alpha = 1, r = 8 it is 0.125, not 0. Math.floor (or porting Python’s //) throws away the fraction and can zero the adapter.',
      diagnostic: 'mismatch',
    },
    {
      id: 'da-missing-scale',
      title: 'alpha / r left out of dA only',
      explanation: 'A reaches y only through s·(x·A)·B, so dL/dA = s·xᵀ·(dy·Bᵀ), with the same s = alpha / r as dL/dB = s·(xA)ᵀ·dy.',
      diagnostic: 'mismatch',
    },
    {
      id: 'db-missing-scale',
      title: 'alpha / r left out of dB only',
      explanation: 'B reaches y only through s·(x·A)·B, so dL/dB = s·(xA)ᵀ·dy, with the same s = alpha / r as dL/dA.',
      diagnostic: 'mismatch',
    },
    {
      id: 'grad-over-batch-only',
      title: 'gradient divided by n while the loss averages all n·dOut entries',
      explanation: 'L = mean over all n·dOut squared errors, so dL/dy = 2(y − T)/(n·dOut); dividing by n alone makes both gradients dOut times too large even though the reported loss is right.',
      diagnostic: 'mismatch',
    },
    {
      id: 'trainable-counts-delta',
      title: 'trainable parameters counted as dIn · dOut (the size of W)',
      explanation: 'Only the factors are trained: A has dIn·r scalars and B has r·dOut, so the count is r·(dIn + dOut) — far fewer than the dIn·dOut of W or of the merged update a·b.',
      diagnostic: 'mismatch',
    },
  ],
});
