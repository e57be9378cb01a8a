import { defineProblem, type CaseSpec } from '../../../src/judge/problem';
import { objectOf, shapeOf, tensorOf } from '../../../src/judge/contract';
import { tensorSpec, type TensorSpec } from '../../../src/judge/inputs';
import type { Rng } from '../../../src/judge/rng';
import { adam } from './reference';

function run(rng: Rng, shape: number[], steps: number, lr: number, beta1 = 0.9, beta2 = 0.999, eps = 1e-8, gradScale = 1) {
  const grads: TensorSpec[] = Array.from({ length: steps }, () => rng.normal(shape, gradScale));
  return [rng.normal(shape), grads, lr, beta1, beta2, eps];
}

function cases(rng: Rng): CaseSpec[] {
  const list: CaseSpec[] = [
    {
      name: 'example 1: 3 steps, default betas',
      public: true,
      args: [tensorSpec([1, -1], [2]), [tensorSpec([0.1, -0.2], [2]), tensorSpec([0.3, 0.1], [2]), tensorSpec([-0.2, 0.2], [2])], 0.01, 0.9, 0.999, 1e-8],
    },
    {
      name: 'example 2: one step, eps = 0.1',
      public: true,
      args: [tensorSpec([0, 1, 2], [3]), [tensorSpec([1, -0.5, 0], [3])], 0.1, 0.8, 0.9, 0.1],
    },
    { name: 'hidden: matrix param, 5 steps', public: false, args: run(rng, [4, 3], 5, 0.01) },
    { name: 'hidden: a single step', public: false, args: run(rng, [7], 1, 0.05) },
    { name: 'hidden: 15 steps', public: false, args: run(rng, [3, 3], 15, 0.01) },
    { name: 'hidden: beta2 = 0.99, beta1 = 0.5', public: false, args: run(rng, [6], 6, 0.1, 0.5, 0.99) },
    { name: 'hidden: tiny gradients (eps matters)', public: false, args: run(rng, [5], 4, 0.01, 0.9, 0.999, 1e-8, 1e-4) },
    { name: 'hidden: large gradients', public: false, args: run(rng, [2, 4], 5, 0.01, 0.9, 0.999, 1e-8, 1000) },
    { name: 'hidden: large lr', public: false, args: run(rng, [4], 3, 1, 0.9, 0.999, 1e-6) },
    {
      name: 'hidden: scalar param with a zero gradient step',
      public: false,
      args: [tensorSpec([0.5], []), [tensorSpec([2], []), tensorSpec([0], []), tensorSpec([-1], [])], 0.1, 0.9, 0.999, 1e-8],
    },
    { name: 'hidden: 3-d param', public: false, args: run(rng, [2, 3, 2], 4, 0.02, 0.85, 0.995, 1e-7) },
  ];
  for (let i = 0; i < 3; i++) {
    list.push({
      name: `hidden: random ${i + 1}`,
      public: false,
      args: run(rng, [rng.int(1, 10), rng.int(1, 10)], rng.int(2, 12), rng.pick([0.001, 0.01, 0.1]), rng.pick([0.8, 0.9]), rng.pick([0.99, 0.999])),
    });
  }
  return list;
}

export default defineProblem({
  id: 'training/adam',
  entry: 'adam',
  argNames: ['param', 'grads', 'lr', 'beta1', 'beta2', 'eps'],
  reference: adam,
  // { param, m, v }: each param's shape (float32, like param).
  output: objectOf({
    param: tensorOf('float32', (args) => shapeOf(args, 0)),
    m: tensorOf('float32', (args) => shapeOf(args, 0)),
    v: tensorOf('float32', (args) => shapeOf(args, 0)),
  }),
  cases,
  forbiddenApis: [{ name: 'train', reason: 'implement the Adam update yourself instead of using a built-in optimizer.' }],
  mistakes: [
    {
      id: 'no-bias-correction',
      title: 'no bias correction',
      explanation: 'm and v start at 0, so early on they are biased towards 0. Divide by (1 − β1ᵗ) and (1 − β2ᵗ) before the update (the stored m and v stay uncorrected).',
      diagnostic: 'mismatch',
    },
    {
      id: 'bias-correction-t-from-0',
      title: 'bias correction with t starting at 0',
      explanation: 'The step counter starts at t = 1 for the first update; with t = 0, 1 − β⁰ = 0 and the first step divides by zero.',
      diagnostic: 'non-finite',
    },
    {
      id: 'eps-inside-sqrt',
      title: 'eps inside the square root',
      explanation: 'Adam divides by √v̂ + eps, not √(v̂ + eps). The difference shows when gradients are small (v̂ comparable to eps).',
      diagnostic: 'mismatch',
    },
    {
      id: 'abs-second-moment',
      title: 'second moment accumulates |g| instead of g²',
      explanation: 'v is the running mean of the squared gradient: v ← β2·v + (1 − β2)·g², and the step divides by its square root.',
      diagnostic: 'mismatch',
    },
    {
      id: 'corrected-moments-stored',
      title: 'bias-corrected moments written back into the state',
      explanation: 'm̂ and v̂ are temporaries for the step; the running m and v must stay uncorrected, or the correction compounds step after step.',
      diagnostic: 'mismatch',
    },
    {
      id: 'missing-sqrt',
      title: 'divided by v̂ instead of √v̂',
      explanation: 'The update is lr · m̂ / (√v̂ + eps): v̂ is a squared quantity, so its square root has the gradient\'s units.',
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
      explanation: 'tf.train.* is off-limits here: write the moment and parameter updates with tensor ops.',
      diagnostic: 'forbidden-api',
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
      explanation: 'Adam’s m is an exponential moving average: m ← β1·m + (1 − β1)·g. Dropping (1 − β1) turns it into a momentum sum about 1/(1 − β1) times too large, so m and the step are both wrong.',
      diagnostic: 'mismatch',
    },
    {
      id: 'only-first-moment-corrected',
      title: 'bias correction applied to m only, not to v',
      explanation: 'Both moments start at 0 and need correcting: v̂ = v / (1 − β2ᵗ) as well as m̂ = m / (1 − β1ᵗ). With the raw v in the denominator the early steps are far too large.',
      diagnostic: 'mismatch',
    },
    {
      id: 'only-second-moment-corrected',
      title: 'bias correction applied to v only, not to m',
      explanation: 'Both moments start at 0 and need correcting: m̂ = m / (1 − β1ᵗ) as well as v̂ = v / (1 − β2ᵗ). With the raw m in the numerator the early steps are too small.',
      diagnostic: 'mismatch',
    },
    {
      id: 'beta1-in-second-moment',
      title: '(1 − β1) instead of (1 − β2) in the v update',
      explanation: 'The second moment is v ← β2·v + (1 − β2)·g²; both coefficients come from β2 so they sum to 1. Mixing in β1 inflates v.',
      diagnostic: 'mismatch',
    },
    {
      id: 'v-corrected-with-beta1',
      title: 'v bias-corrected with β1 instead of β2',
      explanation: 'Each moment is corrected with its own decay rate: v̂ = v / (1 − β2ᵗ). Using 1 − β1ᵗ for v leaves it under-corrected.',
      diagnostic: 'mismatch',
    },
    {
      id: 'gradient-ascent',
      title: 'parameter moved along the gradient (sign flipped)',
      explanation: 'Adam descends: p ← p − lr · m̂ / (√v̂ + eps). Adding the step climbs the loss.',
      diagnostic: 'mismatch',
    },
    {
      id: 'raw-gradient-in-step',
      title: 'step uses the current gradient g instead of m̂',
      explanation: 'The numerator of the update is the bias-corrected first moment m̂ (the averaged gradient), not the latest gradient; otherwise there is no momentum. The stored m and v are right.',
      diagnostic: 'mismatch',
    },
    {
      id: 'hardcoded-eps',
      title: 'eps hard-coded instead of using the eps argument',
      explanation: 'Use the eps passed in: it is 0.1 in example 2, and it changes every step where √v̂ is small.',
      diagnostic: 'mismatch',
    },
    {
      id: 'eps-on-uncorrected-v',
      title: 'bias correction folded into the step size, so eps is added to the uncorrected √v',
      explanation: 'Writing the step as lr·√(1 − β2ᵗ)/(1 − β1ᵗ) · m / (√v + eps) (the paper’s “efficient” form) puts eps next to the raw √v. The statement asks for m̂ / (√v̂ + eps); the two differ when gradients are small.',
      diagnostic: 'mismatch',
    },
    {
      id: 'm-corrected-with-beta2',
      title: 'm bias-corrected with β2 instead of β1',
      explanation: 'Each moment is corrected with its own decay rate: m̂ = m / (1 − β1ᵗ) and v̂ = v / (1 − β2ᵗ). Dividing m by 1 − β2ᵗ (tiny for β2 = 0.999) blows the first steps up.',
      diagnostic: 'mismatch',
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
      id: 'bias-correction-power-misplaced',
      title: 'bias correction (1 − β)ᵗ instead of 1 − βᵗ',
      explanation: 'The correction divides by 1 − β1ᵗ and 1 − β2ᵗ: the power applies to β alone. (1 − β)ᵗ is a tiny number that shrinks every step, so m̂ and v̂ explode.',
      diagnostic: 'mismatch',
    },
  ],
});
