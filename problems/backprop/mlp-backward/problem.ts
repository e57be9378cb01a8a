import { defineProblem, type CaseSpec } from '../../../src/judge/problem';
import { objectOf, scalarTensor, shapeOf, tensorOf } from '../../../src/judge/contract';
import { tensorSpec } from '../../../src/judge/inputs';
import type { Rng } from '../../../src/judge/rng';
import { AUTODIFF_FORBIDDEN, AUTODIFF_MISTAKE } from '../forbidden';
import { mlpForwardBackward } from './reference';

function randomCase(rng: Rng, name: string, N: number, D: number, H: number, C: number, scale = 1): CaseSpec {
  return {
    name,
    public: false,
    args: [rng.normal([N, D], scale), rng.normal([N, C]), rng.normal([D, H], 1 / Math.sqrt(D)), rng.normal([H], 0.5), rng.normal([H, C], 1 / Math.sqrt(H)), rng.normal([C], 0.5)],
  };
}

/**
 * A hand-made case whose pre-activations z1 = x·W1 + b1 are exactly 0 somewhere (integer data, so
 * float32 is exact) with a non-zero gradient dh arriving there: ReLU's derivative is 0 at z1 = 0,
 * so [z1 ≥ 0] gives a different dW1 / db1. Throws if the data loses that property.
 */
function zeroPreactivationCase(name: string, N: number, D: number, H: number, C: number, v: Record<'x' | 'y' | 'W1' | 'b1' | 'W2' | 'b2', number[]>): CaseSpec {
  const at = (m: number[], cols: number, i: number, j: number) => m[i * cols + j];
  let zeroWithGradient = 0;
  for (let n = 0; n < N; n++) {
    const z1 = Array.from({ length: H }, (_, j) => v.b1[j] + Array.from({ length: D }, (_, i) => at(v.x, D, n, i) * at(v.W1, H, i, j)).reduce((a, b) => a + b, 0));
    const out = Array.from({ length: C }, (_, c) => v.b2[c] + z1.reduce((a, z, j) => a + Math.max(z, 0) * at(v.W2, C, j, c), 0));
    for (let j = 0; j < H; j++) {
      const dh = out.reduce((a, o, c) => a + ((o - at(v.y, C, n, c)) / N) * at(v.W2, C, j, c), 0);
      if (z1[j] === 0 && dh !== 0) zeroWithGradient++;
    }
  }
  if (zeroWithGradient === 0) throw new Error(`mlp-backward: "${name}" has no exact-zero pre-activation with a non-zero gradient`);
  return {
    name,
    public: false,
    args: [tensorSpec(v.x, [N, D]), tensorSpec(v.y, [N, C]), tensorSpec(v.W1, [D, H]), tensorSpec(v.b1, [H]), tensorSpec(v.W2, [H, C]), tensorSpec(v.b2, [C])],
  };
}

function cases(rng: Rng): CaseSpec[] {
  const list: CaseSpec[] = [
    {
      name: 'example 1: one example, D = 2, H = 3, C = 1',
      public: true,
      args: [
        tensorSpec([1, 2], [1, 2]),
        tensorSpec([1], [1, 1]),
        tensorSpec([1, -1, 0.5, 0, 1, -1], [2, 3]),
        tensorSpec([0.5, 0, 0.5], [3]),
        tensorSpec([1, 2, -1], [3, 1]),
        tensorSpec([0], [1]),
      ],
    },
    {
      name: 'example 2: two examples, D = 1, H = 2, C = 1',
      public: true,
      args: [
        tensorSpec([1, -2], [2, 1]),
        tensorSpec([0, 1], [2, 1]),
        tensorSpec([1, -1], [1, 2]),
        tensorSpec([0, 0.5], [2]),
        tensorSpec([2, 1], [2, 1]),
        tensorSpec([0.5], [1]),
      ],
    },
  ];
  list.push(randomCase(rng, 'hidden: batch of 8', 8, 4, 6, 3));
  list.push(randomCase(rng, 'hidden: batch 1', 1, 5, 7, 2));
  list.push(
    zeroPreactivationCase('hidden: a pre-activation exactly 0 (relu\' is 0 there)', 1, 1, 2, 1, {
      x: [1], y: [0], W1: [1, 2], b1: [-1, 0], W2: [1, 1], b2: [0],
    }),
  );
  list.push(
    zeroPreactivationCase('hidden: several pre-activations exactly 0, batch of 3', 3, 2, 3, 2, {
      x: [1, 0, 0, 1, 1, 1],
      y: [1, 0, -1, 2, 0, 1],
      W1: [1, -1, 2, 0, 1, -2],
      b1: [-1, 0, 0],
      W2: [1, -1, 0.5, 2, -1, 1],
      b2: [0.5, -0.5],
    }),
  );
  list.push(randomCase(rng, 'hidden: D = H = C (square weights)', 4, 3, 3, 3));
  list.push(randomCase(rng, 'hidden: one hidden unit', 5, 3, 1, 2));
  list.push(randomCase(rng, 'hidden: one output', 6, 2, 5, 1));
  list.push(randomCase(rng, 'hidden: wide hidden layer', 4, 3, 32, 2));
  list.push(randomCase(rng, 'hidden: large inputs', 5, 3, 4, 2, 10));
  list.push(randomCase(rng, 'hidden: larger batch', 32, 6, 8, 4));
  for (let i = 0; i < 3; i++) {
    list.push(randomCase(rng, `hidden: random shapes ${i + 1}`, rng.int(1, 12), rng.int(1, 8), rng.int(1, 12), rng.int(1, 5)));
  }
  return list;
}

export default defineProblem({
  id: 'backprop/mlp-backward',
  entry: 'mlpForwardBackward',
  argNames: ['x', 'y', 'W1', 'b1', 'W2', 'b2'],
  reference: mlpForwardBackward,
  // { loss [], dW1 [D, H], db1 [H], dW2 [H, C], db2 [C] }: each gradient has its parameter's shape.
  output: objectOf({
    loss: scalarTensor(),
    dW1: tensorOf('float32', (args) => shapeOf(args, 2)),
    db1: tensorOf('float32', (args) => shapeOf(args, 3)),
    dW2: tensorOf('float32', (args) => shapeOf(args, 4)),
    db2: tensorOf('float32', (args) => shapeOf(args, 5)),
  }),
  cases,
  forbiddenApis: AUTODIFF_FORBIDDEN,
  mistakes: [
    {
      id: 'relu-grad-uses-activation',
      title: 'ReLU derivative taken as the activation value',
      explanation:
        "relu'(z) is the indicator [z > 0], not relu(z) itself: dz1 = dh ⊙ [z1 > 0]. Multiplying by h scales every gradient by the unit's activation.",
      diagnostic: 'mismatch',
    },
    {
      id: 'relu-grad-missing',
      title: 'gradient passed through ReLU unchanged',
      explanation: 'Units with z1 ≤ 0 output a constant 0, so their gradient is 0: mask dh with [z1 > 0] before computing dW1 and db1.',
      diagnostic: 'mismatch',
    },
    {
      id: 'bias-grad-not-summed',
      title: 'bias gradient not summed over the batch',
      explanation: 'The bias is shared by every example, so its gradient is the sum of the per-example gradients: db = dz.sum(0), shape [H] / [C].',
      diagnostic: 'shape',
    },
    {
      id: 'grads-not-divided-by-n',
      title: 'gradients of the summed loss, while the loss is a mean',
      explanation: 'loss = Σ(out − y)² / (2N), so dloss/dout = (out − y) / N. Without the 1/N every gradient is N times too large.',
      diagnostic: 'mismatch',
    },
    {
      id: 'transposes-swapped',
      title: 'weight gradients transposed',
      explanation: 'dW must have the shape of W: dW1 = xᵀ·dz1 ([D, H]) and dW2 = hᵀ·dout ([H, C]), not dz1ᵀ·x.',
      diagnostic: 'shape',
    },
    {
      id: 'relu-grad-at-zero',
      title: "ReLU derivative taken as [z1 ≥ 0] (1 at exactly z1 = 0)",
      explanation: "The statement defines relu'(0) = 0: mask with z1 > 0 (strictly), not z1 ≥ 0. A unit sitting exactly at 0 outputs 0 and passes no gradient.",
      diagnostic: 'mismatch',
    },
    {
      id: 'mse-mean-over-all-elements',
      title: 'loss averaged over all N·C outputs instead of the N examples',
      explanation:
        'L = Σ(ŷ − y)² / (2N) sums over the C outputs and averages over the N examples only, so dL/dŷ = (ŷ − y)/N. A mean over every element (tf.losses.meanSquaredError, or .mean()) divides loss and gradients by C once more.',
      diagnostic: 'mismatch',
    },
    {
      id: 'grad-factor-two',
      title: 'dL/dŷ = 2(ŷ − y)/N despite the ½ in the loss',
      explanation: 'The ½ in L = Σ(ŷ − y)² / (2N) cancels the 2 from the square: dL/dŷ = (ŷ − y)/N. Keeping the 2 doubles every gradient.',
      diagnostic: 'mismatch',
    },
    {
      id: 'loss-missing-half',
      title: 'the reported loss drops the ½',
      explanation: 'L = Σ(ŷ − y)² / (2N): the ½ is part of the loss value as well as the reason the gradient is (ŷ − y)/N. Dividing the sum of squares by N alone doubles the loss.',
      diagnostic: 'mismatch',
    },
    {
      id: 'loss-summed-not-mean',
      title: 'the loss is not averaged over the N examples',
      explanation: 'L = Σ(ŷ − y)² / (2N) is a mean over examples: divide the summed squared error by 2N, not by 2 (the gradients already use (ŷ − y)/N).',
      diagnostic: 'mismatch',
    },
    {
      id: 'dw2-uses-preactivation',
      title: 'dW2 computed from z1 instead of h = relu(z1)',
      explanation: 'The second layer sees the activations h = relu(z1), so dW2 = hᵀ·dŷ; using the pre-activation z1 lets negative units contribute.',
      diagnostic: 'mismatch',
    },
    {
      id: 'grad-sign-flipped',
      title: 'every gradient has the wrong sign (y − ŷ instead of ŷ − y)',
      explanation: 'd/dŷ of ½(ŷ − y)² is (ŷ − y), so dL/dŷ = (ŷ − y)/N; (y − ŷ) is the descent direction, the negative gradient.',
      diagnostic: 'mismatch',
    },
    {
      id: 'bias-grads-averaged',
      title: 'bias gradients averaged over the batch instead of summed',
      explanation: 'dŷ = (ŷ − y)/N already carries the 1/N of the loss; each bias is shared by all N examples, so db2 = Σ_n dŷ and db1 = Σ_n dz1 — a mean divides by N a second time.',
      diagnostic: 'mismatch',
    },
    {
      id: 'bias-grads-wrong-axis',
      title: 'bias gradients summed over the feature axis',
      explanation: 'A bias has one entry per unit, shared by every example: sum over the batch axis (axis 0), giving db1 [H] and db2 [C].',
      diagnostic: 'shape',
    },
    {
      id: 'forward-missing-b1',
      title: 'b1 left out of the forward pass',
      explanation: 'z1 = x·W1 + b1: without b1 the ReLU mask, h, the loss and every gradient are computed at the wrong pre-activations.',
      diagnostic: 'mismatch',
    },
    {
      id: 'db1-unmasked',
      title: 'db1 summed from the gradient before the ReLU mask',
      explanation: 'b1 sits before the ReLU, so its gradient is the sum of the masked dz1 = dh ⊙ [z1 > 0], exactly like dW1 uses; summing dh lets units that were off (z1 ≤ 0) move their bias.',
      diagnostic: 'mismatch',
    },
    {
      id: 'dw1-unmasked',
      title: 'dW1 computed from the gradient before the ReLU mask',
      explanation: 'W1 sits before the ReLU, so dW1 = xᵀ·dz1 with dz1 = dh ⊙ [z1 > 0]; xᵀ·dh gives gradient to weights of units that were off (z1 ≤ 0).',
      diagnostic: 'mismatch',
    },
    {
      id: 'forward-missing-b2',
      title: 'b2 left out of the forward pass',
      explanation: 'ŷ = h·W2 + b2: without b2 the residual ŷ − y, the loss and every gradient are computed at the wrong prediction.',
      diagnostic: 'mismatch',
    },
    {
      id: 'relu-applied-to-gradient',
      title: 'ReLU applied to the gradient (relu(dh)) instead of masking by z1 > 0',
      explanation: "The ReLU backward keeps dh where the forward input z1 was positive: dz1 = dh ⊙ [z1 > 0]. relu(dh) keeps the positive gradients instead, whatever the unit's state.",
      diagnostic: 'mismatch',
    },
    {
      id: 'grad-half',
      title: 'dL/dŷ = (ŷ − y)/(2N): the ½ kept in the gradient',
      explanation: 'Differentiating ½(ŷ − y)² brings down a 2 that cancels the ½, so dL/dŷ = (ŷ − y)/N; dividing by 2N halves every gradient.',
      diagnostic: 'mismatch',
    },
    AUTODIFF_MISTAKE,
  ],
});
