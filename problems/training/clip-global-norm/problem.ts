import { defineProblem, type CaseSpec } from '../../../src/judge/problem';
import { arrayOf, objectOf, plainNumber, tensorOf } from '../../../src/judge/contract';
import { tensorSpec, type TensorSpec } from '../../../src/judge/inputs';
import type { Rng } from '../../../src/judge/rng';
import { clipByGlobalNorm } from './reference';

/** A model's worth of gradients: tensors of different shapes and, optionally, scales. */
function model(rng: Rng, shapes: number[][], scales?: number[]): TensorSpec[] {
  return shapes.map((shape, i) => rng.normal(shape, scales?.[i] ?? 1));
}

function zeros(shape: number[]): TensorSpec {
  return tensorSpec(new Array(shape.reduce((a, b) => a * b, 1)).fill(0), shape);
}

function cases(rng: Rng): CaseSpec[] {
  const list: CaseSpec[] = [
    { name: 'example 1: total norm 13, maxNorm 6.5', public: true, args: [[tensorSpec([3, 4], [2]), tensorSpec([0, 12], [1, 2])], 6.5] },
    { name: 'example 2: already within maxNorm', public: true, args: [[tensorSpec([0.3, -0.4], [2]), tensorSpec([0.1, 0.2], [2, 1])], 1] },
    { name: 'hidden: MLP gradients, clipped', public: false, args: [model(rng, [[8, 16], [16], [16, 4], [4]]), 1] },
    { name: 'hidden: MLP gradients, not clipped', public: false, args: [model(rng, [[6, 5], [5], [5, 3], [3]], [0.05, 0.05, 0.05, 0.05]), 5] },
    { name: 'hidden: one tensor dominates', public: false, args: [model(rng, [[10, 10], [10], [3, 3]], [0.01, 0.01, 30]), 2] },
    { name: 'hidden: a single tensor', public: false, args: [model(rng, [[4, 6]]), 0.5] },
    { name: 'hidden: scalar and 3-d tensors', public: false, args: [[tensorSpec([-7], []), rng.normal([2, 3, 4]), rng.normal([5])], 3] },
    { name: 'hidden: large gradients', public: false, args: [model(rng, [[12, 8], [8]], [500, 2000]), 1] },
    { name: 'hidden: every gradient zero', public: false, args: [[zeros([3, 2]), zeros([2]), zeros([4])], 1] },
    { name: 'hidden: norm just above maxNorm', public: false, args: [[tensorSpec([6, 8], [2])], 9.9] },
    { name: 'hidden: norm just below maxNorm', public: false, args: [[tensorSpec([6, 8], [2]), tensorSpec([0], [1])], 10.1] },
    { name: 'hidden: tiny gradients, tiny maxNorm (eps matters)', public: false, args: [[tensorSpec([1.2e-6, -1.6e-6], [2]), tensorSpec([0], [1])], 1e-6] },
  ];
  for (let i = 0; i < 3; i++) {
    const count = rng.int(1, 5);
    const shapes = Array.from({ length: count }, () => (rng.next() < 0.5 ? [rng.int(1, 12)] : [rng.int(1, 8), rng.int(1, 8)]));
    list.push({ name: `hidden: random model ${i + 1}`, public: false, args: [model(rng, shapes), rng.pick([0.25, 1, 2, 5])] });
  }
  return list;
}

export default defineProblem({
  id: 'training/clip-global-norm',
  entry: 'clipByGlobalNorm',
  argNames: ['grads', 'maxNorm'],
  reference: clipByGlobalNorm,
  // { grads: same order and shapes as the input grads (float32), totalNorm: a number }.
  output: objectOf({
    grads: arrayOf(
      (i) => tensorOf('float32', (args) => [...(args[0] as TensorSpec[])[i].shape]),
      (args) => (args[0] as TensorSpec[]).length,
    ),
    totalNorm: plainNumber(),
  }),
  cases,
  // The eps case works with gradients around 1e-6: compare mostly relatively.
  tolerance: {
    cpu: { atol: 1e-9, rtol: 1e-4 },
    wasm: { atol: 1e-9, rtol: 1e-4 },
  },
  mistakes: [
    {
      id: 'per-tensor-clip',
      title: 'each tensor clipped separately',
      explanation: 'Global-norm clipping computes ONE norm over all tensors, √(Σᵢ‖gᵢ‖²), and scales every tensor by the same factor, so the update keeps its direction. Clipping per tensor distorts it.',
      diagnostic: 'mismatch',
    },
    {
      id: 'scales-up',
      title: 'gradients below maxNorm scaled up',
      explanation: 'Clipping only ever shrinks: apply coef = maxNorm / (totalNorm + 1e-6) only when it is < 1, otherwise return the gradients unchanged.',
      diagnostic: 'mismatch',
    },
    {
      id: 'norm-without-sqrt',
      title: 'squared norm used (no square root)',
      explanation: 'The L2 norm is the square root of the sum of squares.',
      diagnostic: 'mismatch',
    },
    {
      id: 'sum-of-norms',
      title: 'sum of per-tensor norms instead of the global norm',
      explanation: 'Σᵢ‖gᵢ‖ overestimates the norm of the concatenated gradient. Sum the squares of every element of every tensor, then take one square root.',
      diagnostic: 'mismatch',
    },
    {
      id: 'norm-after-clipping',
      title: 'returned the norm after clipping',
      explanation: 'totalNorm is the norm of the gradients before clipping (what you would log to spot spikes); after clipping it is just maxNorm.',
      diagnostic: 'mismatch',
    },
    {
      id: 'missing-eps',
      title: 'clipping coefficient without the + 1e-6',
      explanation:
        'PyTorch uses coef = maxNorm / (totalNorm + 1e-6) and scales only when coef < 1. Without the eps the result is wrong when the norm itself is tiny, and forms that divide by the norm first (g / totalNorm · maxNorm) give NaN (0 / 0) when every gradient is zero.',
      diagnostic: 'non-finite',
    },
    {
      id: 'clip-by-value',
      title: 'clipped by value instead of by global norm',
      explanation: 'tf.clipByValue(g, −maxNorm, maxNorm) caps each element on its own and changes the gradient\'s direction. Clip by norm: compute the global norm N once and scale every tensor by maxNorm / (N + 1e-6) when that is < 1.',
      diagnostic: 'mismatch',
    },
    {
      id: 'mean-of-squares',
      title: 'mean of squares instead of sum of squares in the norm',
      explanation: 'The L2 norm sums the squares of every element: N = √(Σᵢ Σⱼ gᵢⱼ²). Averaging (tensor.square().mean()) divides each tensor by its size, so N comes out too small.',
      diagnostic: 'mismatch',
    },
    {
      id: 'l1-norm',
      title: 'L1 norm (sum of |g|) instead of the L2 norm',
      explanation: 'clip_grad_norm_ uses the L2 norm by default: the square root of the sum of squares of all elements, not the sum of absolute values.',
      diagnostic: 'mismatch',
    },
    {
      id: 'inverted-ratio',
      title: 'scaled by N / maxNorm instead of maxNorm / N',
      explanation: 'To bring the norm down to maxNorm, multiply every gradient by maxNorm / (N + 1e-6); the inverted ratio makes the clipped gradients larger.',
      diagnostic: 'mismatch',
    },
    {
      id: 'normalized-without-maxnorm',
      title: 'gradients divided by the norm but not multiplied by maxNorm',
      explanation: 'Clipping rescales the gradient to norm maxNorm: g · maxNorm / (N + 1e-6). Dividing by N alone makes it a unit vector regardless of maxNorm.',
      diagnostic: 'mismatch',
    },
    {
      id: 'eps-inside-sqrt',
      title: 'eps added inside the square root of the sum of squares',
      explanation: 'The coefficient is maxNorm / (N + 1e-6) with the eps added to the norm itself, not maxNorm / √(Σg² + 1e-6); the two differ a lot when the norm is tiny.',
      diagnostic: 'mismatch',
    },
    {
      id: 'clip-result-discarded',
      title: 'scaled gradients computed but the originals returned',
      explanation: 'tfjs tensors are immutable: g.mul(coef) returns a new tensor and leaves g unchanged. Return the scaled tensors (grads.map((g) => g.mul(coef))) when the norm is over maxNorm.',
      diagnostic: 'mismatch',
    },
  ],
});
