import { defineProblem, type ArgSpec, type CaseSpec } from '../../../src/judge/problem';
import { objectOf, shapeOf, tensorOf } from '../../../src/judge/contract';
import { tensorSpec, type TensorSpec } from '../../../src/judge/inputs';
import type { Rng } from '../../../src/judge/rng';
import { batchNorm } from './reference';

/** x [N, C, ...spatial] whose channels have different means and spreads (so per-channel statistics matter). */
function channels(rng: Rng, shape: number[], spread = 1, offset = 0): TensorSpec {
  const x = rng.normal(shape);
  const C = shape[1];
  const inner = shape.slice(2).reduce((a, b) => a * b, 1);
  const shift = Array.from({ length: C }, () => offset + rng.normal([1], 2).data[0]);
  const stretch = Array.from({ length: C }, () => spread * (0.5 + 2 * rng.next()));
  for (let i = 0; i < x.data.length; i++) {
    const c = Math.floor(i / inner) % C;
    x.data[i] = x.data[i] * stretch[c] + shift[c];
  }
  return x;
}

interface Options {
  momentum?: number;
  eps?: number;
  spread?: number;
  offset?: number;
}

/** [x, gamma, beta, runningMean, runningVar, training, momentum, eps]. */
function random(rng: Rng, shape: number[], training: boolean, options: Options = {}): ArgSpec[] {
  const { momentum = 0.1, eps = 1e-5, spread = 1, offset = 0 } = options;
  const C = shape[1];
  const x = channels(rng, shape, spread, offset);
  return [x, rng.uniform([C], 0.5, 1.5), rng.normal([C], 0.5), rng.normal([C], 1), rng.uniform([C], 0.5, 3), training, momentum, eps];
}

function rows(x: TensorSpec, c: number): number[] {
  const C = x.shape[1];
  const inner = x.shape.slice(2).reduce((a, b) => a * b, 1);
  return Array.from(x.data).filter((_, i) => Math.floor(i / inner) % C === c);
}

/**
 * Channels at 1000 ± 1 with a spread of about 1, where float32 cancellation decides: each channel's
 * biased variance is kept ≥ 0.02 away from every multiple of 1/16, the grid a float32 one-pass
 * E[x²] − E[x]² lands on at this magnitude, so that formula is off by at least 2% on every channel.
 */
function offsetChannels(rng: Rng, N: number, C: number): TensorSpec {
  const x = rng.normal([N, C]);
  for (let c = 0; c < C; c++) {
    const values = Array.from({ length: N }, (_, n) => x.data[n * C + c]);
    const m = values.reduce((a, b) => a + b, 0) / N;
    const v = values.reduce((a, b) => a + (b - m) ** 2, 0) / N;
    const target = (rng.int(13, 18) + 0.5) / 16;
    const centre = 1000 + (2 * rng.next() - 1) * 0.9;
    for (let n = 0; n < N; n++) x.data[n * C + c] = centre + ((values[n] - m) * Math.sqrt(target)) / Math.sqrt(v);
  }
  for (let c = 0; c < C; c++) {
    const stored = rows(x, c);
    const mean = stored.reduce((a, b) => a + b, 0) / N;
    const variance = stored.reduce((a, b) => a + (b - mean) ** 2, 0) / N;
    const offGrid = Math.abs(variance * 16 - Math.round(variance * 16)) / 16;
    if (!(Math.abs(mean - 1000) <= 1 && mean / Math.sqrt(variance) >= 500 && offGrid >= 0.02)) {
      throw new Error(`case generator: channel ${c} has mean ${mean}, variance ${variance}`);
    }
  }
  return x;
}

/** Asserts that the case has a channel whose biased variance is below `limit` (eps then matters). */
function smallVariance(args: ArgSpec[], limit: number): ArgSpec[] {
  const x = args[0] as TensorSpec;
  const variances = Array.from({ length: x.shape[1] }, (_, c) => {
    const v = rows(x, c);
    const m = v.reduce((a, b) => a + b, 0) / v.length;
    return v.reduce((a, b) => a + (b - m) ** 2, 0) / v.length;
  });
  if (!(Math.min(...variances) < limit)) throw new Error(`case generator: smallest channel variance ${Math.min(...variances)} ≥ ${limit}`);
  return args;
}

function cases(rng: Rng): CaseSpec[] {
  const x2 = tensorSpec([1, 3, 0, 4, 5, 7, 2, 2], [2, 2, 2]);
  const list: CaseSpec[] = [
    {
      name: 'example 1: training, x [4, 2]',
      public: true,
      args: [
        tensorSpec([1, 10, 2, 20, 3, 30, 6, 20], [4, 2]),
        tensorSpec([1, 0.5], [2]),
        tensorSpec([0, 1], [2]),
        tensorSpec([0, 20], [2]),
        tensorSpec([1, 50], [2]),
        true,
        0.1,
        1e-5,
      ],
    },
    {
      name: 'example 2: training, x [2, 2, 2] (statistics over batch and length)',
      public: true,
      args: [x2, tensorSpec([2, 1], [2]), tensorSpec([0, -1], [2]), tensorSpec([1, 0], [2]), tensorSpec([2, 1], [2]), true, 0.2, 1e-5],
    },
    {
      name: 'example 3: evaluation, x [2, 2, 2] (running statistics)',
      public: true,
      args: [x2, tensorSpec([2, 1], [2]), tensorSpec([0, -1], [2]), tensorSpec([4, 2], [2]), tensorSpec([4, 3], [2]), false, 0.2, 1e-5],
    },
    { name: 'hidden: training, [N, C] batch 8', public: false, args: random(rng, [8, 5], true) },
    { name: 'hidden: training, [N, C, L] with L ≠ C', public: false, args: random(rng, [4, 3, 7], true) },
    { name: 'hidden: training, [N, C, H, W] (BatchNorm2d)', public: false, args: random(rng, [3, 4, 5, 6], true) },
    { name: 'hidden: training, batch 1 with spatial size 2 × 3 (count 6)', public: false, args: random(rng, [1, 3, 2, 3], true) },
    { name: 'hidden: training, N = 2 (count 2: unbiased factor 2)', public: false, args: random(rng, [2, 6], true) },
    { name: 'hidden: training, momentum 0.3', public: false, args: random(rng, [6, 4, 3], true, { momentum: 0.3 }) },
    { name: 'hidden: training, momentum 0.01', public: false, args: random(rng, [5, 3, 4, 2], true, { momentum: 0.01 }) },
    { name: 'hidden: training, momentum 1 (running stats become the batch stats)', public: false, args: random(rng, [6, 3], true, { momentum: 1 }) },
    {
      name: 'hidden: training, small-variance channels with eps = 0.1',
      public: false,
      args: smallVariance(random(rng, [6, 4], true, { eps: 0.1, spread: 0.05 }), 0.1),
    },
    {
      name: 'hidden: training, channels at 1000 ± 1 (large mean, unit spread)',
      public: false,
      args: [offsetChannels(rng, 32, 4), rng.uniform([4], 0.5, 1.5), rng.normal([4], 0.5), rng.normal([4], 1), rng.uniform([4], 0.5, 3), true, 0.1, 1e-5],
    },
    { name: 'hidden: evaluation, [N, C] batch 8', public: false, args: random(rng, [8, 5], false) },
    { name: 'hidden: evaluation, [N, C, H, W]', public: false, args: random(rng, [2, 3, 4, 4], false) },
    { name: 'hidden: evaluation, batch 1 (x [1, C])', public: false, args: random(rng, [1, 6], false) },
    { name: 'hidden: evaluation, eps = 0.1', public: false, args: random(rng, [4, 3, 5], false, { eps: 0.1 }) },
    { name: 'hidden: training, realistic [16, 8, 4, 4]', public: false, args: random(rng, [16, 8, 4, 4], true) },
  ];
  for (let i = 0; i < 3; i++) {
    const rank = rng.int(2, 4);
    const shape = [rng.int(2, 6), rng.int(1, 6), ...Array.from({ length: rank - 2 }, () => rng.int(1, 5))];
    list.push({ name: `hidden: random shapes ${i + 1}`, public: false, args: random(rng, shape, i !== 1, { momentum: rng.pick([0.1, 0.05, 0.2]) }) });
  }
  return list;
}

export default defineProblem({
  id: 'architectures/batch-norm',
  entry: 'batchNorm',
  argNames: ['x', 'gamma', 'beta', 'runningMean', 'runningVar', 'training', 'momentum', 'eps'],
  reference: batchNorm,
  // { y: same shape as x, runningMean [C], runningVar [C] }, all float32.
  output: objectOf({
    y: tensorOf('float32', (args) => shapeOf(args, 0)),
    runningMean: tensorOf('float32', (args) => shapeOf(args, 3)),
    runningVar: tensorOf('float32', (args) => shapeOf(args, 4)),
  }),
  cases,
  // Channels at 1000 ± 1 leave float32 about 1e-4 of absolute precision after centring, whatever
  // the (correct) method; the one-pass E[x²] − E[x]² mistake is off by percents there.
  tolerance: { cpu: { atol: 5e-4, rtol: 1e-3 }, wasm: { atol: 5e-4, rtol: 1e-3 } },
  forbiddenApis: [
    { name: 'layers', reason: 'implement the normalization yourself instead of tf.layers.batchNormalization.' },
    { name: 'batchNorm', reason: 'write (x − mean) / √(var + eps) · gamma + beta yourself; tf.batchNorm does that step for you.' },
  ],
  mistakes: [
    {
      id: 'running-var-biased',
      title: 'running variance updated with the biased batch variance',
      explanation:
        'PyTorch normalizes with the biased variance (÷ n) but feeds the running variance the unbiased one, var · n / (n − 1), where n is the number of values per channel. Multiply by n / (n − 1) before the momentum update.',
      diagnostic: 'mismatch',
    },
    {
      id: 'normalized-with-unbiased-var',
      title: 'output normalized with the unbiased variance',
      explanation: 'In training mode y uses the biased batch variance, the mean of (x − mean)² per channel (÷ n). Only the running-variance update uses n / (n − 1).',
      diagnostic: 'mismatch',
    },
    {
      id: 'momentum-reversed',
      title: 'momentum applied to the old running value (Keras convention)',
      explanation:
        'Here momentum is the weight of the NEW batch statistic: running = (1 − momentum) · running + momentum · batch. Keras uses the opposite (momentum 0.99 keeps the old value), which makes the running stats move the wrong amount.',
      diagnostic: 'mismatch',
    },
    {
      id: 'eval-uses-batch-stats',
      title: 'evaluation mode normalizes with the batch statistics',
      explanation:
        'With training = false the output must use runningMean and runningVar, so each example is normalized independently of its batch (a batch of one would otherwise become beta).',
      diagnostic: 'mismatch',
    },
    {
      id: 'eval-updates-running-stats',
      title: 'running statistics updated in evaluation mode',
      explanation: 'Evaluation never changes the running statistics: return runningMean and runningVar with their input values when training is false.',
      diagnostic: 'mismatch',
    },
    {
      id: 'running-stats-not-updated',
      title: 'running statistics not updated in training mode',
      explanation:
        'A training-mode call must also return the updated running statistics: (1 − momentum) · running + momentum · batch mean (and unbiased batch variance).',
      diagnostic: 'mismatch',
    },
    {
      id: 'unbiased-factor-uses-batch-size',
      title: 'unbiased correction uses the batch size N instead of the count per channel',
      explanation:
        'For [N, C, L] or [N, C, H, W] input each channel has n = N·L (or N·H·W) values, so the unbiased variance is var · n / (n − 1) with that n, not N / (N − 1).',
      diagnostic: 'mismatch',
    },
    {
      id: 'eps-outside-sqrt',
      title: 'eps added outside the square root',
      explanation: 'The denominator is √(var + eps), not √var + eps; the difference shows with small variances or a large eps.',
      diagnostic: 'mismatch',
    },
    {
      id: 'variance-from-mean-of-squares',
      title: 'variance computed as E[x²] − E[x]² (catastrophic cancellation)',
      explanation:
        'For channels at 1000 ± 1 both terms are about 10⁶, where float32 resolves only steps of 1/16, so the difference is off by percents (or negative). Subtract the mean first, then average the squares.',
      diagnostic: 'mismatch',
    },
    {
      id: 'stats-per-position',
      title: 'statistics over the batch axis only (one mean per channel and position)',
      explanation:
        'BatchNorm1d on [N, C, L] and BatchNorm2d on [N, C, H, W] share one mean and variance per channel across the batch AND every spatial position: reduce over every axis except axis 1.',
      diagnostic: 'mismatch',
    },
  ],
});
