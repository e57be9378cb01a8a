import { defineProblem, type CaseSpec } from '../../../src/judge/problem';
import { objectOf, scalarTensor, shapeOf, tensorOf } from '../../../src/judge/contract';
import { tensorSpec } from '../../../src/judge/inputs';
import type { Rng } from '../../../src/judge/rng';
import { ddpmForwardLoss } from './reference';

type Schedule = 'linear' | 'cosine';

/**
 * x0 [B, D] (scale x0Scale), timesteps [B] in [0, T) (`fixed` first, the rest random), noise
 * N(0, 1), a linear denoiser w ~ N(0, 1/D), b ~ N(0, 0.1²).
 */
function randomCase(rng: Rng, name: string, B: number, D: number, schedule: Schedule, T: number, fixed: number[] = [], x0Scale = 1): CaseSpec {
  if (fixed.length > B) throw new Error(`${name}: more fixed timesteps than rows`);
  const steps = [...fixed, ...Array.from({ length: B - fixed.length }, () => rng.int(0, T - 1))];
  if (steps.some((s) => s < 0 || s >= T)) throw new Error(`${name}: a timestep outside [0, ${T})`);
  return {
    name,
    public: false,
    args: [
      rng.normal([B, D], x0Scale),
      tensorSpec(steps, [B], 'int32'),
      rng.normal([B, D]),
      rng.normal([D, D], 1 / Math.sqrt(D)),
      rng.normal([D], 0.1),
      schedule,
      T,
    ],
  };
}

function cases(rng: Rng): CaseSpec[] {
  const list: CaseSpec[] = [
    {
      name: 'example 1: linear schedule, T = 2, identity denoiser',
      public: true,
      args: [
        tensorSpec([1, 0, 0, 2], [2, 2]),
        tensorSpec([0, 1], [2], 'int32'),
        tensorSpec([0, 1, 1, 1], [2, 2]),
        tensorSpec([1, 0, 0, 1], [2, 2]),
        tensorSpec([0, 0], [2]),
        'linear',
        2,
      ],
    },
    {
      name: 'example 2: cosine schedule, T = 4, the last β clipped to 0.999',
      public: true,
      args: [tensorSpec([2, 2], [2, 1]), tensorSpec([0, 3], [2], 'int32'), tensorSpec([-1, -1], [2, 1]), tensorSpec([0], [1, 1]), tensorSpec([0.5], [1]), 'cosine', 4],
    },
    { ...randomCase(rng, 'example 3: linear, T = 1000, batch 4, D = 8', 4, 8, 'linear', 1000), public: true },
    randomCase(rng, 'hidden: cosine, T = 1000, t = 0 and t = T − 1 included', 8, 6, 'cosine', 1000, [0, 999], 2),
    randomCase(rng, 'hidden: linear, T = 1000, t = 0 and t = T − 1 included', 6, 5, 'linear', 1000, [999, 0], 2),
    randomCase(rng, 'hidden: batch 1, cosine, T = 200', 1, 8, 'cosine', 200),
    randomCase(rng, 'hidden: repeated timesteps, linear, T = 100', 5, 4, 'linear', 100, [37, 37, 37, 5, 5]),
    randomCase(rng, 'hidden: cosine, small T = 10, t = T − 1 (the clipped β) with large x0', 4, 4, 'cosine', 10, [9, 9, 0, 5], 3),
    randomCase(rng, 'hidden: cosine, T = 2 (second β clipped)', 3, 3, 'cosine', 2, [0, 1, 1], 2),
    randomCase(rng, 'hidden: linear, T = 50, late timesteps', 4, 6, 'linear', 50, [49, 48, 40, 45], 2),
    randomCase(rng, 'hidden: D = 1', 4, 1, 'linear', 300, [0, 299]),
    randomCase(rng, 'hidden: realistic batch, cosine, T = 1000, D = 16', 16, 16, 'cosine', 1000),
  ];
  for (let i = 1; i <= 3; i++) {
    const T = rng.pick([2, 10, 100, 1000]);
    list.push(randomCase(rng, `hidden: random shapes ${i}`, rng.int(1, 6), rng.int(1, 8), rng.pick<Schedule>(['linear', 'cosine']), T, [T - 1]));
  }
  return list;
}

export default defineProblem({
  id: 'generative/ddpm-forward-loss',
  entry: 'ddpmForwardLoss',
  argNames: ['x0', 't', 'noise', 'w', 'b', 'schedule', 'numSteps'],
  reference: ddpmForwardLoss,
  // alphaBar [T], xt [B, D] (x0's shape), loss [] — all float32.
  output: objectOf({
    alphaBar: tensorOf('float32', (args) => [args[6] as number]),
    xt: tensorOf('float32', (args) => shapeOf(args, 0)),
    loss: scalarTensor(),
  }),
  cases,
  mistakes: [
    {
      id: 'alpha-bar-exclusive',
      title: 'ᾱ_t off by one step (product over s < t instead of s ≤ t)',
      explanation: 'With 0-based timesteps, ᾱ_t = Π_{s=0}^{t} (1 − β_s): step t already includes its own β_t, so ᾱ_0 = 1 − β_0, not 1. Use an inclusive cumulative product.',
      diagnostic: 'mismatch',
    },
    {
      id: 'alpha-instead-of-alpha-bar',
      title: 'α_t = 1 − β_t used instead of the cumulative product ᾱ_t',
      explanation: 'q(x_t | x_0) jumps straight from x_0 to step t, so it needs ᾱ_t = Π_{s≤t} α_s. α_t alone is the single-step q(x_t | x_{t−1}).',
      diagnostic: 'mismatch',
    },
    {
      id: 'missing-sqrt',
      title: 'x_t = ᾱ x_0 + (1 − ᾱ) ε (square roots missing)',
      explanation: 'The coefficients are √ᾱ_t and √(1 − ᾱ_t), so that the variance stays 1: ᾱ_t + (1 − ᾱ_t) = 1.',
      diagnostic: 'mismatch',
    },
    {
      id: 'linear-divides-by-T',
      title: 'linear schedule spaced with t / T instead of t / (T − 1)',
      explanation: 'β runs from exactly 1e-4 at t = 0 to exactly 0.02 at t = T − 1: β_t = 1e-4 + (0.02 − 1e-4)·t/(T − 1) (like linspace(1e-4, 0.02, T)).',
      diagnostic: 'mismatch',
    },
    {
      id: 'cosine-no-offset',
      title: 'cosine schedule without the offset s = 0.008',
      explanation: 'f(u) = cos²(((u/T) + s)/(1 + s) · π/2) with s = 0.008; the offset keeps β near t = 0 from being vanishingly small.',
      diagnostic: 'mismatch',
    },
    {
      id: 'cosine-no-clip',
      title: 'cosine β not clipped at 0.999',
      explanation: 'At the last step f(T) = 0 gives β = 1 and ᾱ = 0 exactly; the schedule clips every β to at most 0.999 (β_t = min(1 − f(t+1)/f(t), 0.999)) and ᾱ is the product of the clipped values.',
      diagnostic: 'mismatch',
    },
    {
      id: 'loss-against-x0',
      title: 'loss compares the prediction with x_0 instead of the noise ε',
      explanation: 'This is ε-prediction: the denoiser output ε̂ is regressed onto the noise that was added, MSE(ε̂, ε).',
      diagnostic: 'mismatch',
    },
    {
      id: 'denoiser-sees-x0',
      title: 'the denoiser is applied to x_0 instead of the noisy x_t',
      explanation: 'The model only ever sees the noisy sample: ε̂ = x_t · w + b.',
      diagnostic: 'mismatch',
    },
    {
      id: 'loss-summed-over-features',
      title: 'squared error summed over features, averaged over the batch only',
      explanation: 'The loss is the mean over all B·D entries of (ε̂ − ε)², not the mean over samples of ‖ε̂ − ε‖².',
      diagnostic: 'mismatch',
    },
  ],
});
