import { defineProblem, type CaseSpec } from '../../../src/judge/problem';
import { objectOf, tensorOf } from '../../../src/judge/contract';
import { tensorSpec, type TensorSpec } from '../../../src/judge/inputs';
import type { Rng } from '../../../src/judge/rng';
import { compareValues } from '../../../src/judge/compare';
import { mlpLoss, paramsOf, trainedLoss64 } from './loss';
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

/**
 * A training case whose promises hold under any seed: the stated algorithm (full-batch gradient
 * descent, η = LR, `steps` updates, computed here in float64) ends at most SAFE_LOSS, a margin below
 * the target a correct loop must reach, and the initial weights start above the target. A draw
 * that misses either is replaced by a fresh one from the same generator.
 */
function trainingCase(rng: Rng, name: string, pub: boolean, N: number, C: number, blobs: number, spread: number, H: number, steps: number, target: number): CaseSpec {
  for (let attempt = 0; attempt < 50; attempt++) {
    const [x, y] = dataset(rng, N, C, blobs, spread);
    const init = initParams(rng, 2, H, C);
    const { initial, final } = trainedLoss64(x, y, init, steps, LR);
    if (final <= SAFE_LOSS && initial > target) return { name, public: pub, args: [x, y, init, steps, target] };
  }
  throw new Error(`${name}: no draw where gradient descent reaches ${SAFE_LOSS}`);
}

const STEPS = 60;
const TARGET = 0.35;
/** The statement's learning rate. */
const LR = 0.5;
/** Every case's float64 gradient-descent loss is at most this, well under TARGET. */
const SAFE_LOSS = 0.3;

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
  // The statement fixes the algorithm, so the trained parameters are compared with the reference's.
  // Over 60 steps, float32 rounding (another summation order, autodiff, wasm, float64) moved them by
  // under 5e-5 on 480 cases; a ReLU unit flipping at one step would move a few entries by ~5e-3.
  // Every known bug moves them by far more.
  tolerance: {
    cpu: { atol: 1e-3, rtol: 1e-2 },
    wasm: { atol: 1e-3, rtol: 1e-2 },
    webgl: { atol: 5e-3, rtol: 2e-2 },
    webgpu: { atol: 5e-3, rtol: 2e-2 },
  },
  compare: (expected, got, tolerance, spec) => {
    const params = paramsOf(got, expected);
    if (typeof params === 'string') return { kind: 'shape', message: params };
    const diagnostic = compareValues(expected, got, tolerance);
    if (!diagnostic) return undefined;
    const [x, y, init] = spec.args as [TensorSpec, TensorSpec, Record<string, TensorSpec>];
    const initial = mlpLoss(x, y, init as never);
    const loss = mlpLoss(x, y, params);
    const reference = paramsOf(expected, expected);
    const wanted = typeof reference === 'string' ? NaN : mlpLoss(x, y, reference);
    const show = (value: number) => (Number.isFinite(value) ? value.toFixed(4) : String(value));
    const note =
      Math.abs(loss - initial) < 1e-6
        ? ' The returned parameters give the initial loss: were the updates applied?'
        : !(loss <= initial)
          ? ' The loss went up.'
          : loss < wanted - 1e-3
            ? ' A lower loss is not the goal here: the statement fixes plain full-batch gradient descent with η = 0.5 for exactly `steps` updates.'
            : '';
    return {
      ...diagnostic,
      message: `${diagnostic.message} Your parameters give loss ${show(loss)}; gradient descent as stated ends at ${show(wanted)} (initial ${show(initial)}).${note}`,
    };
  },
  mistakes: [
    {
      id: 'update-not-applied',
      title: 'the update is computed but never applied',
      explanation:
        'tfjs tensors are immutable: p.sub(g.mul(lr)) returns a new tensor and leaves p unchanged. Keep the result (p = p.sub(...)), or use tf.variable and p.assign(...), or tf.train.sgd.',
      diagnostic: 'mismatch',
    },
    {
      id: 'wrong-sign',
      title: 'wrong sign: gradient ascent',
      explanation: 'Gradient descent moves against the gradient: θ ← θ − lr·∇L. Adding the gradient makes the loss blow up.',
      diagnostic: 'mismatch',
    },
    {
      id: 'lr-too-high',
      title: 'learning rate 10× too high',
      explanation:
        'The statement fixes η = 0.5. With 5, full-batch gradient descent overshoots and oscillates instead of converging; when the loss bounces or grows, check the learning rate.',
      diagnostic: 'mismatch',
    },
    {
      id: 'grads-never-reset',
      title: 'gradients accumulated across steps and never reset',
      explanation:
        'Each step must use the gradient of the current loss only. Summing gradients over all previous steps (PyTorch without optimizer.zero_grad()) is momentum with no decay: the parameters overshoot and oscillate.',
      diagnostic: 'mismatch',
    },
    {
      id: 'loss-summed-not-averaged',
      title: 'loss summed over the batch instead of averaged',
      explanation:
        'The gradient of the summed loss is N times that of the mean, so the effective learning rate is N·lr and training diverges to NaN. Divide by the batch size, or use tf.losses.softmaxCrossEntropy (which averages).',
      diagnostic: 'non-finite',
    },
    {
      id: 'bias-grad-averaged',
      title: 'bias gradients averaged over the batch (divided by N twice)',
      explanation:
        'When dlogits = (softmax − onehot)/N already carries the 1/N of the mean loss, the bias gradients are plain sums over the batch: db2 = Σₙ dlogits, db1 = Σₙ dh. Taking the mean divides by N a second time, so the biases barely move.',
      diagnostic: 'mismatch',
    },
    {
      id: 'softmax-over-batch-axis',
      title: 'softmax normalized over the batch axis (axis 0) instead of the classes',
      explanation:
        'Each example is a distribution over its C classes: normalize exp(logits) over the last axis (e.sum(-1, true), or tf.softmax(logits, -1)). Summing over axis 0 makes each class column sum to 1 across the batch, so dlogits = (softmax − onehot)/N pushes the wrong way and training follows another path.',
      diagnostic: 'mismatch',
    },
    {
      id: 'softmax-over-batch-axis-unshifted',
      title: 'softmax normalized over the batch axis (axis 0), without the max shift: NaN',
      explanation:
        'Each example is a distribution over its C classes: normalize exp(logits) over the last axis (e.sum(-1, true), or tf.softmax(logits, -1)). Normalized over axis 0, (softmax − onehot)/N is not the gradient of any loss and never vanishes, so the parameters grow every step until exp overflows and everything is NaN. (An all-NaN result looks the same whatever caused the divergence.)',
      diagnostic: 'non-finite',
    },
    {
      id: 'log-softmax-over-batch-axis-autodiff',
      title: 'loss built on a log-softmax over the batch axis (axis 0), differentiated with autodiff',
      explanation:
        'The cross-entropy of example n needs log-probabilities over its own classes: logits − logSumExp(logits, -1, keepDims). With logSumExp over axis 0 each class is normalized across the batch, a different loss whose gradient sends training elsewhere. Normalize over the last axis (tf.logSoftmax(logits, -1)).',
      diagnostic: 'mismatch',
    },
    {
      id: 'relu-backward-missing',
      title: "ReLU's derivative left out of the backward pass",
      explanation:
        'relu passes gradient only where its input was positive: dh = (dlogits·W2ᵀ) ⊙ [x·W1 + b1 > 0]. Without the mask, units that were off still get updates.',
      diagnostic: 'mismatch',
    },
    {
      id: 'w2-updated-before-backprop',
      title: 'first layer backpropagated through the already-updated W2',
      explanation:
        'Compute every gradient of a step from the same parameters, then update them all. Updating W2 first and using the new W2 for dh = dlogits·W2ᵀ mixes two steps.',
      diagnostic: 'mismatch',
    },
    {
      id: 'one-step-short',
      title: 'one update too few (steps − 1)',
      explanation: 'The loop must take exactly `steps` updates: for (let s = 0; s < steps; s++). Starting the counter at 1 with < stops one step early.',
      diagnostic: 'mismatch',
    },
    {
      id: 'one-step-extra',
      title: 'one update too many (steps + 1)',
      explanation: 'The loop must take exactly `steps` updates: for (let s = 0; s < steps; s++). Using <= with a counter from 0 runs one extra step.',
      diagnostic: 'mismatch',
    },
    {
      id: 'relu-on-output',
      title: 'ReLU applied to the output layer too',
      explanation: 'The logits are the raw output of the second layer, relu(xW1 + b1)·W2 + b2; the softmax inside the cross-entropy handles them. A ReLU on the logits clips negative scores to 0 and blocks their gradient.',
      diagnostic: 'mismatch',
    },
    {
      id: 'dw2-uses-preactivation',
      title: '∂L/∂W2 computed from the pre-activation instead of the ReLU output',
      explanation: 'The second layer\'s input is h = relu(xW1 + b1), so ∂L/∂W2 = hᵀ·dlogits. Using z1 = xW1 + b1 lets negative pre-activations contribute.',
      diagnostic: 'mismatch',
    },
    {
      id: 'biases-not-updated',
      title: 'biases never updated',
      explanation: 'All four parameters take the step θ ← θ − η·∂L/∂θ, including b1 = Σₙ dh and b2 = Σₙ dlogits.',
      diagnostic: 'mismatch',
    },
    {
      id: 'sigmoid-instead-of-softmax',
      title: 'sigmoid per class instead of a softmax over the classes',
      explanation: 'The cross-entropy uses softmax(logits) over the C classes, so dlogits = (softmax − onehot)/N. sigmoid(logits) treats each class as an independent yes/no and gives another gradient.',
      diagnostic: 'mismatch',
    },
    {
      id: 'db1-skips-relu-mask',
      title: 'b1 gradient taken before the ReLU mask',
      explanation: 'Both first-layer gradients use the masked dpre = (dlogits·W2ᵀ) ⊙ [xW1 + b1 > 0]: dW1 = xᵀ·dpre and db1 = Σₙ dpre. Summing the unmasked dh for db1 lets units that were off still move their bias.',
      diagnostic: 'mismatch',
    },
  ],
});
