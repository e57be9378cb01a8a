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
    {
      id: 'v-corrected-with-beta1',
      title: 'v bias-corrected with β1 instead of β2',
      explanation: 'Each moment is corrected with its own decay rate: v̂ = v / (1 − β2ᵗ). Using 1 − β1ᵗ for v leaves it under-corrected and the steps too large.',
      diagnostic: 'mismatch',
    },
    {
      id: 'bias-correction-t-plus-one',
      title: 'bias correction uses t + 1 (step counter one ahead)',
      explanation: 'The first update must use t = 1, so 1 − β1¹ and 1 − β2¹. Incrementing a counter that already starts at 1 corrects with βᵗ⁺¹, which under-corrects every early step.',
      diagnostic: 'mismatch',
    },
    {
      id: 'momentum-style-first-moment',
      title: 'first moment m ← β1·m + g, without the (1 − β1) factor',
      explanation: 'Adam’s m is an exponential moving average: m ← β1·m + (1 − β1)·g. Dropping (1 − β1) turns it into a momentum sum about 1/(1 − β1) times too large.',
      diagnostic: 'mismatch',
    },
    {
      id: 'only-first-moment-corrected',
      title: 'bias correction applied to m only, not to v',
      explanation: 'Both moments start at 0 and need correcting: v̂ = v / (1 − β2ᵗ) as well as m̂ = m / (1 − β1ᵗ). With the raw v in the denominator the early steps are far too large.',
      diagnostic: 'mismatch',
    },
    {
      id: 'beta1-in-second-moment',
      title: '(1 − β1) instead of (1 − β2) in the v update',
      explanation: 'The second moment is v ← β2·v + (1 − β2)·g²; both coefficients come from β2 so they sum to 1. Mixing in β1 inflates v.',
      diagnostic: 'mismatch',
    },
    {
      id: 'gradient-ascent',
      title: 'Adam step added instead of subtracted',
      explanation: 'The parameter descends: p ← p − lr · m̂ / (√v̂ + eps). Adding the step climbs the loss.',
      diagnostic: 'mismatch',
    },
    {
      id: 'raw-gradient-in-step',
      title: 'step uses the current gradient g instead of m̂',
      explanation: 'The numerator of the update is the bias-corrected first moment m̂ (the averaged gradient), not the latest gradient; the stored m and v are right but the step has no momentum.',
      diagnostic: 'mismatch',
    },
    {
      id: 'decay-uses-initial-param',
      title: 'decay computed from the initial parameter instead of the current one',
      explanation: 'Each step shrinks the current weights: p ← p − lr·wd·p with p as it is now. Subtracting lr·wd·p₀ (the input tensor) every step decays by a fixed amount.',
      diagnostic: 'mismatch',
    },
    {
      id: 'decay-only-first-step',
      title: 'weight decay applied once instead of at every step',
      explanation: 'The decoupled shrink p ← p·(1 − lr·wd) belongs inside the loop, before each Adam step, so over T steps the weights are decayed T times.',
      diagnostic: 'mismatch',
    },
    {
      id: 'eps-on-uncorrected-v',
      title: 'bias correction folded into the step size, so eps is added to the uncorrected √v',
      explanation: 'Writing the step as lr·√(1 − β2ᵗ)/(1 − β1ᵗ) · m / (√v + eps) (the paper’s “efficient” form) puts eps next to the raw √v. The statement (like torch.optim.AdamW) uses m̂ / (√v̂ + eps); the two differ when gradients are small.',
      diagnostic: 'mismatch',
    },
    {
      id: 'bias-correction-t-from-0',
      title: 'bias correction with t starting at 0',
      explanation: 'The step counter starts at t = 1 for the first update; with t = 0, 1 − β⁰ = 0 and the first step divides by zero.',
      diagnostic: 'non-finite',
    },
    {
      id: 'betas-swapped',
      title: 'β1 and β2 swapped',
      explanation: 'β1 (≈ 0.9) drives the first moment m of g and β2 (≈ 0.999) the second moment v of g². With them swapped m averages over ~1000 steps and v over ~10, which changes every step and both returned moments.',
      diagnostic: 'mismatch',
    },
    {
      id: 'v-accumulates-g',
      title: 'second moment accumulates g instead of g²',
      explanation: 'v is the running mean of the squared gradient: v ← β2·v + (1 − β2)·g². Without the square v can turn negative and √v̂ becomes NaN.',
      diagnostic: 'non-finite',
    },
    {
      id: 'decay-coupled-and-decoupled',
      title: 'weight decay applied twice: L2 term in the gradient and decoupled decay',
      explanation: 'AdamW decays only the parameter, p ← p·(1 − lr·λ), and feeds the raw gradient to the moments. Also adding λ·p to the gradient decays twice and changes m and v.',
      diagnostic: 'mismatch',
    },
  ],
});
