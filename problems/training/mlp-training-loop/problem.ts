import { defineProblem, type CaseSpec } from '../../../src/judge/problem';
import { objectOf, tensorOf } from '../../../src/judge/contract';
import { tensorSpec, type TensorSpec } from '../../../src/judge/inputs';
import type { Rng } from '../../../src/judge/rng';
import { mlpLoss, paramsOf } from './loss';
import { trainMLP } from './reference';

/**
 * A dataset that a linear model cannot fit: every class owns `blobs` Gaussian blobs whose centers
 * are interleaved around a circle of radius 2 (XOR-like for 2 classes).
 */
function dataset(rng: Rng, N: number, C: number, blobs: number, spread: number): [TensorSpec, TensorSpec] {
  const centers: number[][] = [];
  const count = C * blobs;
  const phase = rng.next() * Math.PI;
  for (let i = 0; i < count; i++) {
    const angle = phase + (2 * Math.PI * i) / count;
    centers.push([2 * Math.cos(angle), 2 * Math.sin(angle)]);
  }
  const xs: number[] = [];
  const ys: number[] = [];
  for (let n = 0; n < N; n++) {
    const blob = n % count; // balanced classes: blob i belongs to class i % C
    xs.push(centers[blob][0] + spread * rng.gaussian(), centers[blob][1] + spread * rng.gaussian());
    ys.push(blob % C);
  }
  return [tensorSpec(xs, [N, 2]), tensorSpec(ys, [N], 'int32')];
}

function initParams(rng: Rng, D: number, H: number, C: number) {
  return {
    W1: rng.normal([D, H], Math.sqrt(2 / D)),
    b1: tensorSpec(new Array(H).fill(0), [H]),
    W2: rng.normal([H, C], Math.sqrt(1 / H)),
    b2: tensorSpec(new Array(C).fill(0), [C]),
  };
}

function trainingCase(rng: Rng, name: string, pub: boolean, N: number, C: number, blobs: number, spread: number, H: number, steps: number, target: number): CaseSpec {
  const [x, y] = dataset(rng, N, C, blobs, spread);
  return { name, public: pub, args: [x, y, initParams(rng, 2, H, C), steps, target] };
}

const STEPS = 60;
const TARGET = 0.35;

function cases(rng: Rng): CaseSpec[] {
  const list: CaseSpec[] = [
    trainingCase(rng, 'example 1: XOR-like blobs, 2 classes', true, 40, 2, 2, 0.6, 16, STEPS, TARGET),
    trainingCase(rng, 'example 2: 3 classes, 6 blobs', true, 48, 3, 2, 0.6, 16, STEPS, TARGET),
  ];
  for (let i = 0; i < 10; i++) {
    const C = rng.int(2, 3);
    list.push(trainingCase(rng, `hidden: dataset ${i + 1}`, false, rng.int(30, 60), C, 2, 0.6, rng.pick([8, 16]), STEPS, TARGET));
  }
  return list;
}

export default defineProblem({
  id: 'training/mlp-training-loop',
  entry: 'trainMLP',
  argNames: ['x', 'y', 'params', 'steps', 'targetLoss'],
  reference: trainMLP,
  // { W1, b1, W2, b2 }: trained parameters, the shapes of params, float32.
  output: objectOf({
    W1: tensorOf('float32', (args) => [...(args[2] as any).W1.shape]),
    b1: tensorOf('float32', (args) => [...(args[2] as any).b1.shape]),
    W2: tensorOf('float32', (args) => [...(args[2] as any).W2.shape]),
    b2: tensorOf('float32', (args) => [...(args[2] as any).b2.shape]),
  }),
  cases,
  compare: (expected, got, _tolerance, spec) => {
    const params = paramsOf(got, expected);
    if (typeof params === 'string') return { kind: 'shape', message: params };
    const [x, y, init, steps, target] = spec.args as [TensorSpec, TensorSpec, Record<string, TensorSpec>, number, number];
    const initial = mlpLoss(x, y, init as never);
    const loss = mlpLoss(x, y, params);
    if (Number.isFinite(loss) && loss <= target) return undefined;
    return {
      kind: 'property',
      message:
        `Final training loss ${Number.isFinite(loss) ? loss.toFixed(4) : String(loss)} (initial ${initial.toFixed(4)}) does not reach the target ${target} within ${steps} steps` +
        (Math.abs(loss - initial) < 1e-6 ? ': the returned parameters give the initial loss — were the updates applied?' : !(loss <= initial) ? ': the loss went up.' : '.'),
    };
  },
  mistakes: [
    {
      id: 'update-not-applied',
      title: 'the update is computed but never applied',
      explanation:
        'tfjs tensors are immutable: p.sub(g.mul(lr)) returns a new tensor and leaves p unchanged. Keep the result (p = p.sub(...)), or use tf.variable and p.assign(...), or an optimizer.',
      diagnostic: 'property',
    },
    {
      id: 'wrong-sign',
      title: 'wrong sign: gradient ascent',
      explanation: 'Gradient descent moves against the gradient: θ ← θ − lr·∇L. Adding the gradient makes the loss blow up.',
      diagnostic: 'property',
    },
    {
      id: 'lr-too-high',
      title: 'learning rate 10× too high',
      explanation:
        'With lr = 5 full-batch gradient descent overshoots and oscillates instead of converging. For this network plain GD works with lr ≈ 0.5, Adam with lr ≈ 0.05; when the loss bounces or grows, lower the learning rate.',
      diagnostic: 'property',
    },
    {
      id: 'grads-never-reset',
      title: 'gradients accumulated across steps and never reset',
      explanation:
        'Each step must use the gradient of the current loss only. Summing gradients over all previous steps (PyTorch without optimizer.zero_grad()) is momentum with no decay: the parameters overshoot and oscillate.',
      diagnostic: 'property',
    },
    {
      id: 'loss-summed-not-averaged',
      title: 'loss summed over the batch instead of averaged',
      explanation:
        'The gradient of the summed loss is N times that of the mean, so the effective learning rate is N·lr and training diverges (NaN). Divide by the batch size, or use tf.losses.softmaxCrossEntropy (which averages).',
      diagnostic: 'property',
    },
  ],
});
