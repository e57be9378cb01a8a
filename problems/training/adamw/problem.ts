import { defineProblem, type CaseSpec } from '../../../src/judge/problem';
import { objectOf, shapeOf, tensorOf } from '../../../src/judge/contract';
import { tensorSpec, type TensorSpec } from '../../../src/judge/inputs';
import type { Rng } from '../../../src/judge/rng';
import { adamw } from './reference';

function run(rng: Rng, shape: number[], steps: number, lr: number, weightDecay: number, beta1 = 0.9, beta2 = 0.999, eps = 1e-8, paramScale = 1, gradScale = 1) {
  const grads: TensorSpec[] = Array.from({ length: steps }, () => rng.normal(shape, gradScale));
  return [rng.normal(shape, paramScale), grads, lr, beta1, beta2, eps, weightDecay];
}

function cases(rng: Rng): CaseSpec[] {
  const list: CaseSpec[] = [
    {
      name: 'example 1: 2 steps, lr 0.1, weight decay 0.5',
      public: true,
      args: [tensorSpec([2, -1], [2]), [tensorSpec([0.5, 0.5], [2]), tensorSpec([-0.5, 1], [2])], 0.1, 0.9, 0.999, 1e-8, 0.5],
    },
    {
      name: 'example 2: zero gradient, pure decay',
      public: true,
      args: [tensorSpec([4, -2, 0.5], [3]), [tensorSpec([0, 0, 0], [3])], 0.01, 0.9, 0.999, 1e-8, 0.1],
    },
    { name: 'hidden: matrix param, typical settings', public: false, args: run(rng, [4, 5], 5, 1e-3, 0.01) },
    { name: 'hidden: large weights, strong decay', public: false, args: run(rng, [6], 4, 0.05, 0.2, 0.9, 0.999, 1e-8, 20) },
    { name: 'hidden: a single step', public: false, args: run(rng, [3, 3], 1, 0.1, 0.1) },
    { name: 'hidden: 15 steps', public: false, args: run(rng, [5], 15, 0.02, 0.1) },
    { name: 'hidden: weight decay 0 (plain Adam)', public: false, args: run(rng, [2, 3], 4, 0.05, 0) },
    { name: 'hidden: large lr and decay', public: false, args: run(rng, [4], 3, 0.5, 0.5) },
    { name: 'hidden: other betas and eps', public: false, args: run(rng, [3, 2, 2], 6, 0.05, 0.05, 0.8, 0.99, 1e-6) },
    // |g| ≈ eps: where eps sits (outside the root, added not subtracted) changes every step.
    { name: 'hidden: tiny gradients (eps matters)', public: false, args: run(rng, [6], 4, 0.05, 0.1, 0.9, 0.999, 1e-6, 1, 1e-6) },
    { name: 'hidden: scalar param', public: false, args: [tensorSpec([3], []), [tensorSpec([0.2], []), tensorSpec([-0.1], [])], 0.2, 0.9, 0.999, 1e-8, 0.3] },
  ];
  for (let i = 0; i < 3; i++) {
    list.push({
      name: `hidden: random ${i + 1}`,
      public: false,
      args: run(rng, [rng.int(1, 8), rng.int(1, 8)], rng.int(2, 10), rng.pick([0.01, 0.05, 0.1]), rng.pick([0.01, 0.1, 0.3]), 0.9, 0.999, 1e-8, 3),
    });
  }
  return list;
}

export default defineProblem({
  id: 'training/adamw',
  entry: 'adamw',
  argNames: ['param', 'grads', 'lr', 'beta1', 'beta2', 'eps', 'weightDecay'],
  reference: adamw,
  // { param, m, v }: each param's shape (float32, like param).
  output: objectOf({
    param: tensorOf('float32', (args) => shapeOf(args, 0)),
    m: tensorOf('float32', (args) => shapeOf(args, 0)),
    v: tensorOf('float32', (args) => shapeOf(args, 0)),
  }),
  cases,
  forbiddenApis: [{ name: 'train', reason: 'implement the AdamW update yourself instead of using a built-in optimizer.' }],
  mistakes: [
    {
      id: 'l2-in-gradient',
      title: 'L2 penalty added to the gradient (Adam + L2, not AdamW)',
      explanation: 'Adding wd·p to the gradient lets Adam\'s 1/√v̂ rescale the decay per coordinate. AdamW decouples it: p ← p − lr·wd·p, and the moments see the raw gradient only.',
      diagnostic: 'mismatch',
    },
    {
      id: 'decay-not-times-lr',
      title: 'weight decay not multiplied by the learning rate',
      explanation: 'The decoupled decay is p ← p − lr·wd·p (PyTorch AdamW); without lr the decay is far too strong and ignores the schedule.',
      diagnostic: 'mismatch',
    },
    {
      id: 'decay-after-update',
      title: 'decay applied after the Adam update',
      explanation: 'Decay the parameter from before the step: p ← p·(1 − lr·wd), then subtract the Adam update. Decaying the already-updated parameter adds an lr²·wd·update error every step.',
      diagnostic: 'mismatch',
    },
    {
      id: 'no-weight-decay',
      title: 'weight decay never applied',
      explanation: 'AdamW = Adam plus the decoupled shrink p ← p − lr·wd·p each step.',
      diagnostic: 'mismatch',
    },
    {
      id: 'decay-adds',
      title: 'decay with the wrong sign',
      explanation: 'Weight decay shrinks the weights: multiply by (1 − lr·wd), not (1 + lr·wd).',
      diagnostic: 'mismatch',
    },
    {
      id: 'no-bias-correction',
      title: 'no bias correction',
      explanation: 'm and v start at 0, so early on they are biased towards 0. Divide by (1 − β1ᵗ) and (1 − β2ᵗ) before the step (the returned m and v stay uncorrected).',
      diagnostic: 'mismatch',
    },
    {
      id: 'eps-inside-sqrt',
      title: 'eps inside the square root',
      explanation: 'The step divides by √v̂ + eps, not √(v̂ + eps). The difference shows when gradients are small (v̂ comparable to eps).',
      diagnostic: 'mismatch',
    },
    {
      id: 'returns-corrected-moments',
      title: 'returned the bias-corrected moments m̂, v̂ instead of m, v',
      explanation: 'The optimizer state is the raw moments m and v (what torch.optim keeps as exp_avg and exp_avg_sq); m̂ and v̂ are temporaries of the step. The parameter is right, but return m and v uncorrected.',
      diagnostic: 'mismatch',
    },
    {
      id: 'uses-tf-train',
      title: 'used a tf.train optimizer',
      explanation: 'tf.train.* is off-limits here: write the decay, moment and parameter updates with tensor ops.',
      diagnostic: 'forbidden-api',
    },
  ],
});
