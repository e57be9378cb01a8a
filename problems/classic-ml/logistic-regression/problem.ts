import { defineProblem, type CaseSpec } from '../../../src/judge/problem';
import { objectOf, plainNumber, shapeOf, tensorOf } from '../../../src/judge/contract';
import { tensorSpec } from '../../../src/judge/inputs';
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
    hidden(rng, 'hidden: large-magnitude features (saturated sigmoid)', 40, 3, 3, 0.5, 30),
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
  ],
});
