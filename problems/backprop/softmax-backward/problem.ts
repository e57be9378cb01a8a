import { defineProblem, type CaseSpec } from '../../../src/judge/problem';
import { shapeOf, tensorOf } from '../../../src/judge/contract';
import { tensorSpec, type TensorSpec } from '../../../src/judge/inputs';
import type { Rng } from '../../../src/judge/rng';
import { AUTODIFF_FORBIDDEN, AUTODIFF_MISTAKE } from '../forbidden';
import { softmaxBackward } from './reference';

/** y = softmax(x) over the last axis for x ~ N(0, scale²), computed in float64. */
export function softmaxSpec(rng: Rng, shape: number[], scale = 1): TensorSpec {
  const x = rng.normal(shape, scale).data;
  const K = shape[shape.length - 1];
  const y = new Array<number>(x.length);
  for (let r = 0; r < x.length; r += K) {
    let max = -Infinity;
    for (let k = 0; k < K; k++) max = Math.max(max, x[r + k]);
    let sum = 0;
    for (let k = 0; k < K; k++) sum += Math.exp(x[r + k] - max);
    for (let k = 0; k < K; k++) y[r + k] = Math.exp(x[r + k] - max) / sum;
  }
  return tensorSpec(y, shape);
}

function randomCase(rng: Rng, name: string, shape: number[], scale = 1, dyScale = 1): CaseSpec {
  return { name, public: false, args: [softmaxSpec(rng, shape, scale), rng.normal(shape, dyScale)] };
}

function cases(rng: Rng): CaseSpec[] {
  const list: CaseSpec[] = [
    {
      name: 'example 1: two rows',
      public: true,
      args: [tensorSpec([0.2, 0.3, 0.5, 0.6, 0.3, 0.1], [2, 3]), tensorSpec([1, 2, 3, 0, -1, 1], [2, 3])],
    },
    { name: 'example 2: a single vector', public: true, args: [tensorSpec([0.2, 0.3, 0.5], [3]), tensorSpec([1, -1, 2], [3])] },
  ];
  list.push(randomCase(rng, 'hidden: batch of rows', [4, 5]));
  list.push(randomCase(rng, 'hidden: a single vector (rank 1)', [6]));
  list.push(randomCase(rng, 'hidden: rank 3 [batch, time, K]', [2, 3, 4]));
  list.push(randomCase(rng, 'hidden: K = 1 (softmax is constant 1, so dx = 0)', [3, 1]));
  list.push(randomCase(rng, 'hidden: K = 2', [5, 2]));
  list.push(randomCase(rng, 'hidden: peaked softmax (large logits)', [3, 6], 8));
  list.push(randomCase(rng, 'hidden: large upstream gradient', [2, 7], 1, 50));
  list.push(randomCase(rng, 'hidden: wide rows', [2, 64]));
  list.push({ name: 'hidden: dy constant per row gives dx = 0', public: false, args: [softmaxSpec(rng, [2, 4]), tensorSpec([3, 3, 3, 3, -1, -1, -1, -1], [2, 4])] });
  for (let i = 0; i < 3; i++) {
    const shape = [...Array.from({ length: rng.int(0, 2) }, () => rng.int(1, 4)), rng.int(2, 10)];
    list.push(randomCase(rng, `hidden: random shape ${i + 1}`, shape, rng.pick([0.5, 1, 3])));
  }
  return list;
}

export default defineProblem({
  id: 'backprop/softmax-backward',
  entry: 'softmaxBackward',
  argNames: ['y', 'dy'],
  reference: softmaxBackward,
  // [..., K]: dy's shape (no dtype stated; float32 gradient).
  output: tensorOf('float32', (args) => shapeOf(args, 1)),
  cases,
  forbiddenApis: AUTODIFF_FORBIDDEN,
  mistakes: [
    {
      id: 'diagonal-only',
      title: 'only the diagonal of the Jacobian: y(1 − y)·dy',
      explanation:
        'Every softmax output depends on every input: ∂yᵢ/∂xⱼ = yᵢ(δᵢⱼ − yⱼ). The off-diagonal terms −yᵢyⱼ add up to dx = y ⊙ (dy − Σⱼ dyⱼ yⱼ).',
      diagnostic: 'mismatch',
    },
    {
      id: 'sum-over-wrong-axis',
      title: 'the dot product Σ dy·y taken over the wrong axis',
      explanation: 'The sum runs over the softmax axis (the last one, keepDims so it broadcasts back), not over the batch axis.',
      diagnostic: 'mismatch',
    },
    {
      id: 'missing-subtraction',
      title: 'the −y·Σ(dy·y) term is missing',
      explanation: 'y ⊙ dy is only the diag(y) part of J = diag(y) − y yᵀ; subtract y ⊙ Σⱼ(dyⱼ yⱼ) as well.',
      diagnostic: 'mismatch',
    },
    {
      id: 'unweighted-row-sum',
      title: 'the row sum not weighted by y: Σ dy instead of Σ dy·y',
      explanation: 'The correction term is the dot product of dy with y: dx = y ⊙ (dy − Σⱼ dyⱼ yⱼ). Subtracting the plain sum Σⱼ dyⱼ drops the weights yⱼ from the −y yᵀ part of the Jacobian.',
      diagnostic: 'mismatch',
    },
    {
      id: 'log-softmax-backward',
      title: 'the log-softmax backward formula dy − y·Σ dy',
      explanation: 'dy − y·Σⱼ dyⱼ is the gradient through log-softmax. Through softmax itself every term carries a factor y: dx = y ⊙ (dy − Σⱼ dyⱼ yⱼ).',
      diagnostic: 'mismatch',
    },
    {
      id: 'identity-jacobian',
      title: 'the Jacobian read as I − y yᵀ: dx = dy − y·Σ(dy·y)',
      explanation:
        'The diagonal of the softmax Jacobian is diag(y), not the identity: ∂yᵢ/∂xⱼ = yᵢ(δᵢⱼ − yⱼ), so J = diag(y) − y yᵀ. Multiply dy by y as well: dx = y ⊙ (dy − Σⱼ dyⱼ yⱼ).',
      diagnostic: 'mismatch',
    },
    {
      id: 'plus-outer-product',
      title: 'a sign error in the Jacobian, diag(y) + y yᵀ: dx = y ⊙ (dy + Σ dy·y)',
      explanation:
        'The off-diagonal terms are negative: ∂yᵢ/∂xⱼ = −yᵢyⱼ for i ≠ j, because raising another logit takes probability away from yᵢ. J = diag(y) − y yᵀ, so subtract: dx = y ⊙ (dy − Σⱼ dyⱼ yⱼ).',
      diagnostic: 'mismatch',
    },
    {
      id: 'global-sum',
      title: 'Σ dy·y summed over the whole tensor instead of each row',
      explanation: 'Each row is its own softmax: the dot product ⟨dy, y⟩ runs over the last axis only, one value per row (sum(-1, keepDims)), not over every element of the batch.',
      diagnostic: 'mismatch',
    },
    {
      id: 'row-mean-not-sum',
      title: 'the row mean of dy·y instead of the row sum',
      explanation: 'dxⱼ = yⱼ(dyⱼ − Σᵢ dyᵢ yᵢ): the correction is the y-weighted sum over the row, which is already an expectation under y; dividing by K again is wrong.',
      diagnostic: 'mismatch',
    },
    {
      id: 'softmax-reapplied',
      title: 'softmax applied again to y, which is already the softmax output',
      explanation: 'The input y is softmax(x), not the logits: use it directly, dx = y ⊙ (dy − Σ dy·y). softmax(y) is a different, flatter distribution.',
      diagnostic: 'mismatch',
    },
    {
      id: 'sign-flipped',
      title: 'dx with the wrong sign: y ⊙ (Σ dy·y − dy)',
      explanation: 'J = diag(y) − y yᵀ, so dx = y ⊙ (dy − Σⱼ dyⱼ yⱼ): dy comes first and the weighted row sum is subtracted from it.',
      diagnostic: 'mismatch',
    },
    {
      id: 'missing-outer-y',
      title: 'the leading factor y is missing: dx = dy − Σ dy·y',
      explanation: 'Both terms of the Jacobian diag(y) − y yᵀ carry a factor y: dx = y ⊙ (dy − Σⱼ dyⱼ yⱼ).',
      diagnostic: 'mismatch',
    },
    AUTODIFF_MISTAKE,
    {
      id: 'correction-missing-y',
      title: 'the correction not multiplied by y: dx = y ⊙ dy − Σ dy·y',
      explanation: 'Both terms of dx_i = y_i·dy_i − y_i·Σ_j dy_j y_j carry the factor y_i: dx = y ⊙ (dy − Σ dy·y). Subtracting the bare row sum outside the product leaves its y_i off.',
      diagnostic: 'mismatch',
    },
  ],
});
