import { defineProblem, type CaseSpec } from '../../../src/judge/problem';
import { objectOf, scalarTensor, shapeOf, tensorOf } from '../../../src/judge/contract';
import { tensorSpec } from '../../../src/judge/inputs';
import type { Rng } from '../../../src/judge/rng';
import { flowMatching } from './reference';

interface Opts {
  /** Times placed first in t (the rest uniform in [0, 1]). */
  fixedT?: number[];
  /** Scale of the data x1 (centred at 1.5 so data and noise differ). */
  dataScale?: number;
}

/**
 * x0 ~ N(0, 1) [B, D], x1 ~ 1.5 + N(0, s²) [B, D], t ∈ [0, 1] [B], a mildly contracting linear
 * velocity model w ~ N(0, 0.5²/(D + 1)) [D + 1, D], b ~ N(0, 0.3²), sampler start z ~ N(0, 1) [N, D].
 */
function randomCase(rng: Rng, name: string, B: number, D: number, N: number, K: number, o: Opts = {}): CaseSpec {
  const { fixedT = [], dataScale = 1 } = o;
  if (fixedT.length > B) throw new Error(`${name}: more fixed times than rows`);
  const times = [...fixedT, ...Array.from({ length: B - fixedT.length }, () => rng.next())];
  if (times.some((x) => x < 0 || x > 1)) throw new Error(`${name}: a time outside [0, 1]`);
  if (!(K >= 1 && Number.isInteger(K))) throw new Error(`${name}: numSteps must be an integer ≥ 1`);
  const x1 = rng.normal([B, D], dataScale);
  for (let i = 0; i < x1.data.length; i++) x1.data[i] += 1.5;
  return {
    name,
    public: false,
    args: [
      rng.normal([B, D]),
      x1,
      tensorSpec(times, [B]),
      rng.normal([D + 1, D], 0.5 / Math.sqrt(D + 1)),
      rng.normal([D], 0.3),
      rng.normal([N, D]),
      K,
    ],
  };
}

function cases(rng: Rng): CaseSpec[] {
  const list: CaseSpec[] = [
    {
      name: 'example 1: D = 1, two rows, two Euler steps',
      public: true,
      args: [
        tensorSpec([0, 1], [2, 1]),
        tensorSpec([2, -1], [2, 1]),
        tensorSpec([0.5, 0.25], [2]),
        tensorSpec([1, 2], [2, 1]),
        tensorSpec([0], [1]),
        tensorSpec([1, -2], [2, 1]),
        2,
      ],
    },
    {
      name: 'example 2: D = 2, t = 0 and t = 1, one sample, four steps',
      public: true,
      args: [
        tensorSpec([1, 0, 0, -1], [2, 2]),
        tensorSpec([3, 2, 1, 1], [2, 2]),
        tensorSpec([0, 1], [2]),
        tensorSpec([0.5, 0, 0, 0.5, 1, -1], [3, 2]),
        tensorSpec([1, 0.5], [2]),
        tensorSpec([0, 0], [1, 2]),
        4,
      ],
    },
    { ...randomCase(rng, 'example 3: B = 8, D = 4, N = 5, K = 10', 8, 4, 5, 10), public: true },
    randomCase(rng, 'hidden: t = 0 and t = 1 exactly in the batch', 6, 3, 4, 8, { fixedT: [0, 1, 1, 0] }),
    randomCase(rng, 'hidden: batch 1, N = 1', 1, 5, 1, 6, { fixedT: [0.3] }),
    randomCase(rng, 'hidden: D = 1', 5, 1, 7, 5, { fixedT: [0.9, 0.1] }),
    randomCase(rng, 'hidden: K = 1 (one Euler step, the model only at t = 0)', 4, 3, 6, 1),
    randomCase(rng, 'hidden: K = 1, D = 1, batch 1', 1, 1, 3, 1, { fixedT: [0.75] }),
    randomCase(rng, 'hidden: N ≠ B (N = 12, B = 3)', 3, 4, 12, 7),
    randomCase(rng, 'hidden: many steps, K = 50', 6, 4, 8, 50),
    randomCase(rng, 'hidden: wide data (scale 3)', 10, 6, 4, 12, { dataScale: 3, fixedT: [0, 1] }),
    randomCase(rng, 'hidden: K = 2', 4, 2, 3, 2),
    randomCase(rng, 'hidden: realistic batch, B = 64, D = 16, N = 32, K = 20', 64, 16, 32, 20),
  ];
  for (let i = 1; i <= 3; i++) {
    list.push(randomCase(rng, `hidden: random shapes ${i}`, rng.int(1, 12), rng.int(1, 8), rng.int(1, 10), rng.int(1, 30)));
  }
  return list;
}

export default defineProblem({
  id: 'generative/flow-matching',
  entry: 'flowMatching',
  argNames: ['x0', 'x1', 't', 'w', 'b', 'z', 'numSteps'],
  reference: flowMatching,
  // loss [] and samples [N, D] (z's shape), both float32.
  output: objectOf({
    loss: scalarTensor(),
    samples: tensorOf('float32', (args) => shapeOf(args, 5)),
  }),
  cases,
  mistakes: [
    {
      id: 'interpolation-reversed',
      title: 'interpolation reversed: x_t = t·x0 + (1 − t)·x1',
      explanation:
        'Here t = 0 is noise and t = 1 is data: x_t = (1 − t)·x0 + t·x1. The reversed mix is the diffusion-style convention (t = 1 noise); with the target x1 − x0 it pairs each point with the wrong time.',
      diagnostic: 'mismatch',
    },
    {
      id: 'velocity-reversed',
      title: 'target velocity x0 − x1 (sign flipped)',
      explanation:
        'The target is the time derivative of the path, d/dt[(1 − t)·x0 + t·x1] = x1 − x0: it points from the noise towards the data.',
      diagnostic: 'mismatch',
    },
    {
      id: 'time-first',
      title: 'model input laid out as [t, x_t] instead of [x_t, t]',
      explanation:
        'The statement fixes the layout: the D coordinates first, the time as the LAST column, so the last row of w multiplies t. Concatenate [x, t] along axis 1, in the loss and in every sampler step.',
      diagnostic: 'mismatch',
    },
    {
      id: 'loss-summed-over-features',
      title: 'squared error summed over features, averaged over the batch only',
      explanation: 'The loss is the mean over all B·D entries of (v̂ − v)², not the batch mean of ‖v̂ − v‖².',
      diagnostic: 'mismatch',
    },
    {
      id: 'model-sees-data',
      title: 'the velocity model is applied to x1 instead of x_t',
      explanation: 'The network only ever sees the point on the path: v̂ = [x_t, t]·w + b with x_t = (1 − t)·x0 + t·x1.',
      diagnostic: 'mismatch',
    },
    {
      id: 'euler-end-time',
      title: 'Euler step evaluates the model at the end of the step, t = (k + 1)/K',
      explanation:
        'Explicit Euler uses the velocity at the start of the step: x ← x + h·v̂(x, k/K) for k = 0 … K − 1. The model is evaluated at t = 0 first and never at t = 1.',
      diagnostic: 'mismatch',
    },
    {
      id: 'euler-linspace-times',
      title: 'sampler times from linspace(0, 1, K): t_k = k/(K − 1)',
      explanation:
        'K steps of size h = 1/K start at t_k = k/K; linspace(0, 1, K) spaces the K evaluation times 1/(K − 1) apart, ending at t = 1 (and divides by zero when K = 1). Use t_k = k·h.',
      diagnostic: 'mismatch',
    },
    {
      id: 'euler-backwards',
      title: 'Euler step subtracts the velocity (x − h·v̂)',
      explanation: 'The flow runs forward in time from noise (t = 0) to data (t = 1), so each step adds: x ← x + h·v̂(x, t_k).',
      diagnostic: 'mismatch',
    },
    {
      id: 'sampler-ignores-time',
      title: 'the sampler feeds t = 0 at every step',
      explanation: 'The velocity field depends on time: step k must give the model the current time t_k = k/K as its last input column.',
      diagnostic: 'mismatch',
    },
  ],
});
