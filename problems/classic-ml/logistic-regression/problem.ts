import { defineProblem, type CaseSpec } from '../../../src/judge/problem';
import { objectOf, plainNumber, shapeOf, tensorOf } from '../../../src/judge/contract';
import { tensorSpec, type TensorSpec } from '../../../src/judge/inputs';
import type { Rng } from '../../../src/judge/rng';
import { logisticRegression } from './reference';

/** n samples, d features (N(0, scale²)), labels drawn from a logistic model with random weights. */
function dataset(rng: Rng, n: number, d: number, scale = 1, bias = 0) {
  const w = Array.from({ length: d }, () => rng.gaussian() * 1.5);
  const xs: number[] = [];
  const ys: number[] = [];
  for (let i = 0; i < n; i++) {
    const row = Array.from({ length: d }, () => rng.gaussian());
    const z = row.reduce((s, v, j) => s + v * w[j], bias);
    ys.push(rng.next() < 1 / (1 + Math.exp(-z)) ? 1 : 0);
    xs.push(...row.map((v) => v * scale));
  }
  return [tensorSpec(xs, [n, d]), tensorSpec(ys, [n])];
}

function hidden(rng: Rng, name: string, n: number, d: number, steps: number, lr: number, scale = 1, bias = 0): CaseSpec {
  return { name, public: false, args: [...dataset(rng, n, d, scale, bias), steps, lr] };
}

/** The final logits after `steps` full-batch gradient steps from zero (float64, as the statement gives them). */
function finalLogits(x: TensorSpec, y: TensorSpec, steps: number, lr: number): number[] {
  const [n, d] = x.shape;
  const X = Array.from({ length: n }, (_, i) => Array.from(x.data.subarray(i * d, (i + 1) * d)));
  const w = new Array<number>(d).fill(0);
  let b = 0;
  const logits = () => X.map((row) => row.reduce((s, v, j) => s + v * w[j], b));
  for (let s = 0; s < steps; s++) {
    const err = logits().map((z, i) => 1 / (1 + Math.exp(-z)) - y.data[i]);
    for (let j = 0; j < d; j++) w[j] -= (lr * err.reduce((acc, e, i) => acc + e * X[i][j], 0)) / n;
    b -= (lr * err.reduce((acc, e) => acc + e, 0)) / n;
  }
  return logits();
}

/**
 * Large features: drawn again until, at the final parameters, some point is misclassified so
 * confidently that its σ(z) rounds to exactly the wrong label in float32 (log p or log(1 − p) is
 * log 0 there), as the statement promises.
 */
function saturatedCase(rng: Rng): CaseSpec {
  for (let attempt = 0; attempt < 50; attempt++) {
    const [x, y] = dataset(rng, 40, 3, 30);
    const saturated = finalLogits(x, y, 3, 0.5).some((z, i) => {
      const p = Math.fround(1 / (1 + Math.exp(-z)));
      return (p === 1 && y.data[i] === 0) || (p === 0 && y.data[i] === 1);
    });
    if (saturated) return { name: 'hidden: large-magnitude features (saturated sigmoid)', public: false, args: [x, y, 3, 0.5] };
  }
  throw new Error('logistic-regression: no large-feature draw with a saturated misclassified point');
}

function cases(rng: Rng): CaseSpec[] {
  const list: CaseSpec[] = [
    {
      name: 'example 1: one feature, one step',
      public: true,
      args: [tensorSpec([1, 2, -1, -2], [4, 1]), tensorSpec([1, 1, 0, 1], [4]), 1, 0.5],
    },
    {
      name: 'example 2: two features, 100 steps',
      public: true,
      args: [tensorSpec([1, 0, 0, 1, -1, 0, 0, -1, 1, 1], [5, 2]), tensorSpec([1, 0, 0, 1, 1], [5]), 100, 0.5],
    },
    hidden(rng, 'hidden: 50 samples, 3 features', 50, 3, 100, 0.3),
    hidden(rng, 'hidden: one sample', 1, 3, 20, 0.5),
    hidden(rng, 'hidden: one feature', 30, 1, 50, 0.5),
    hidden(rng, 'hidden: one step', 40, 4, 1, 1),
    hidden(rng, 'hidden: imbalanced classes (large true bias)', 60, 2, 100, 0.5, 1, 2.5),
    hidden(rng, 'hidden: many features', 80, 12, 60, 0.2),
    hidden(rng, 'hidden: small learning rate, many steps', 40, 3, 200, 0.05),
    saturatedCase(rng),
  ];
  for (let i = 0; i < 3; i++) {
    list.push(hidden(rng, `hidden: random ${i + 1}`, rng.int(5, 100), rng.int(1, 8), rng.int(5, 100), 0.05 + rng.next() * 0.9));
  }
  return list;
}

export default defineProblem({
  id: 'classic-ml/logistic-regression',
  entry: 'logisticRegression',
  argNames: ['x', 'y', 'steps', 'lr'],
  reference: logisticRegression,
  // { weights: a [d] tensor, bias: a number, loss: a number }.
  output: objectOf({
    weights: tensorOf('float32', (args) => [shapeOf(args, 0)[1]]),
    bias: plainNumber(),
    loss: plainNumber(),
  }),
  cases,
  forbiddenApis: ['grad', 'grads', 'valueAndGrad', 'valueAndGrads', 'variableGrads', 'customGrad', 'train'].map((name) => ({
    name,
    reason: 'Derive the gradient of the cross-entropy by hand: ∂L/∂w = xᵀ(σ(xw + b) − y) / n.',
  })),
  mistakes: [
    {
      id: 'gradient-sign',
      title: 'stepped up the gradient instead of down',
      explanation: 'Gradient descent subtracts: w ← w − lr·∂L/∂w. With ∂L/∂z = σ(z) − y, adding it increases the loss.',
      diagnostic: 'mismatch',
    },
    {
      id: 'missing-mean-over-samples',
      title: 'gradient summed over the samples, not averaged (missing 1/n)',
      explanation: 'The loss is a mean over the n samples, so its gradient is xᵀ(p − y) / n and mean(p − y) for the bias; summing makes the effective learning rate n times larger.',
      diagnostic: 'mismatch',
    },
    {
      id: 'sigmoid-applied-twice',
      title: 'sigmoid applied twice',
      explanation: 'p = σ(xw + b) is already a probability; applying σ again squashes it into (0.5, 0.73) and breaks the gradient p − y.',
      diagnostic: 'mismatch',
    },
    {
      id: 'bias-not-updated',
      title: 'bias never updated',
      explanation: 'The bias has its own gradient mean(p − y); step it along with the weights.',
      diagnostic: 'mismatch',
    },
    {
      id: 'naive-log-loss',
      title: 'loss as log(σ(z)), which is log(0) once σ saturates',
      explanation: 'In float32, σ(z) rounds to exactly 1 for z ≳ 17, so log(1 − σ(z)) is −Infinity and 0·(−Infinity) is NaN. Compute the loss from the logits: log(1 + e^z) − y·z, i.e. tf.softplus(z) − y·z.',
      diagnostic: 'non-finite',
    },
    {
      id: 'uses-autodiff',
      title: 'used tf.grads instead of deriving the gradient',
      explanation: 'This exercise is about the gradient by hand: ∂L/∂w = xᵀ(σ(xw + b) − y)/n, ∂L/∂b = mean(σ(xw + b) − y).',
      diagnostic: 'forbidden-api',
    },
    {
      id: 'loss-before-last-step',
      title: 'loss reported from before the last update',
      explanation: 'Keeping the loss computed in the last step\'s forward pass reports L at the parameters before the final update. Evaluate the loss once more after the loop, at the final w and b.',
      diagnostic: 'mismatch',
    },
    {
      id: 'mse-gradient',
      title: 'squared-error gradient (p − y)·p(1 − p) instead of the cross-entropy gradient p − y',
      explanation: 'For the cross-entropy the sigmoid\'s derivative cancels: ∂L/∂z = (p − y)/n. The extra factor p(1 − p) belongs to the squared error and makes saturated, misclassified points learn almost nothing.',
      diagnostic: 'mismatch',
    },
    {
      id: 'loss-summed',
      title: 'loss summed over the samples instead of averaged',
      explanation: 'L is the mean binary cross-entropy: divide the sum over the n samples by n.',
      diagnostic: 'mismatch',
    },
    {
      id: 'bias-grad-after-weight-step',
      title: 'bias gradient computed after the weights were already updated',
      explanation: 'Both gradients come from the same p, computed from the parameters before the step. Compute p − y once, then update w and b together.',
      diagnostic: 'mismatch',
    },
    {
      id: 'one-step-extra',
      title: 'one gradient step too many (steps + 1)',
      explanation: 'A loop from 0 with <= runs steps + 1 updates. Take exactly `steps` steps: for (let s = 0; s < steps; s++).',
      diagnostic: 'mismatch',
    },
    {
      id: 'bias-gradient-summed',
      title: 'bias gradient summed over the samples (missing 1/n for b only)',
      explanation: 'The bias gradient is the mean of p − y, like the weight gradient: divide the sum by n.',
      diagnostic: 'mismatch',
    },
    {
      id: 'loss-sign-flipped',
      title: 'loss is the log-likelihood, missing the minus sign',
      explanation: 'Binary cross-entropy is the negative mean log-likelihood, so it is always ≥ 0: log(1 + e^z) − y·z, not y·z − log(1 + e^z).',
      diagnostic: 'mismatch',
    },
    {
      id: 'loss-labels-swapped',
      title: 'y and 1 − y swapped in the loss',
      explanation: 'The log p term belongs to the positive labels: −[y log p + (1 − y) log(1 − p)], whose stable form is log(1 + e^z) − y·z (not − (1 − y)·z).',
      diagnostic: 'mismatch',
    },
    {
      id: 'per-sample-updates',
      title: 'stochastic per-sample updates instead of full-batch steps',
      explanation: 'Each step uses the whole batch: compute p from the current parameters for every sample, average the gradient over n, and update once. Updating after each sample is SGD and gives different parameters.',
      diagnostic: 'mismatch',
    },
    {
      id: 'gradient-without-sigmoid',
      title: 'gradient uses the logit z − y instead of σ(z) − y',
      explanation: 'The cross-entropy gradient with respect to the logit is σ(z) − y. Using z − y is the linear-regression (squared-error) gradient.',
      diagnostic: 'mismatch',
    },
    {
      id: 'gradient-summed-loop',
      title: 'gradient summed over the samples, not averaged (missing 1/n)',
      explanation: 'The loss is a mean over the n samples, so ∂L/∂w = Xᵀ(p − y)/n and ∂L/∂b = mean(p − y). Leaving out the 1/n multiplies the step by n and can make the descent overshoot.',
      diagnostic: 'mismatch',
    },
    {
      id: 'loss-epsilon-clipped',
      title: 'loss from log(p + ε): a saturated wrong prediction is capped near 16',
      explanation: 'Adding ε = 1e-7 inside the logs keeps them finite but caps the loss of a confidently wrong point at −log ε ≈ 16.1, while its true loss is about |z|. Compute the loss from the logits: softplus(z) − y·z.',
      diagnostic: 'mismatch',
    },
    {
      id: 'loss-without-bias',
      title: 'bias left out of the logits of the final loss',
      explanation: 'The loss is evaluated at the final parameters, z = x·w + b; computing it from x·w alone ignores the learned bias.',
      diagnostic: 'mismatch',
    },
    {
      id: 'bias-step-without-lr',
      title: 'bias stepped by its whole gradient, without the learning rate',
      explanation: 'Both parameters move by lr times their gradient: b ← b − lr·mean(p − y), just like the weights.',
      diagnostic: 'mismatch',
    },
    {
      id: 'probabilities-computed-once',
      title: 'p computed once before the loop, so every step reuses the gradient at zero',
      explanation: 'Each step needs fresh probabilities from the current w and b; computing σ(Xw + b) outside the loop repeats the first step\'s gradient steps times.',
      diagnostic: 'mismatch',
    },
  ],
});
