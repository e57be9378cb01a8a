import { defineProblem, type CaseSpec } from '../../../src/judge/problem';
import { objectOf, shapeOf, tensorOf } from '../../../src/judge/contract';
import { tensorSpec, type TensorSpec } from '../../../src/judge/inputs';
import type { Rng } from '../../../src/judge/rng';
import { diffusionStep } from './reference';

/** ᾱ_0 .. ᾱ_{T−1} of the linear or cosine schedule (0-based), as a float32 tensor spec. */
function alphaBarTable(kind: 'linear' | 'cosine', T: number): TensorSpec {
  const f = (u: number) => Math.cos(((u / T + 0.008) / 1.008) * (Math.PI / 2)) ** 2;
  const values: number[] = [];
  let product = 1;
  for (let i = 0; i < T; i++) {
    const beta = kind === 'linear' ? 1e-4 + ((0.02 - 1e-4) * i) / (T - 1) : Math.min(1 - f(i + 1) / f(i), 0.999);
    product *= 1 - beta;
    values.push(product);
  }
  return tensorSpec(values, [T]);
}

function randomCase(rng: Rng, name: string, B: number, D: number, kind: 'linear' | 'cosine', T: number, t: number, tPrev: number, guidance: number): CaseSpec {
  if (!(t >= 0 && t < T && tPrev >= -1 && tPrev < t)) throw new Error(`${name}: need 0 ≤ t < T and −1 ≤ tPrev < t`);
  // x_t with roughly unit variance; the two noise predictions differ by a moderate amount.
  const epsUncond = rng.normal([B, D]);
  const epsCond = rng.normal([B, D]);
  for (let i = 0; i < epsCond.data.length; i++) epsCond.data[i] = 0.7 * epsUncond.data[i] + 0.5 * epsCond.data[i];
  return { name, public: false, args: [rng.normal([B, D]), t, tPrev, alphaBarTable(kind, T), epsUncond, epsCond, guidance, rng.normal([B, D])] };
}

function cases(rng: Rng): CaseSpec[] {
  const small = () => tensorSpec([0.9, 0.6, 0.3], [3]);
  const list: CaseSpec[] = [
    {
      name: 'example 1: T = 3, t = 2, DDIM to tPrev = 0, guidance 2',
      public: true,
      args: [tensorSpec([1, -1], [1, 2]), 2, 0, small(), tensorSpec([0.2, 0], [1, 2]), tensorSpec([0.5, -0.5], [1, 2]), 2, tensorSpec([1, 0.5], [1, 2])],
    },
    {
      name: 'example 2: the last step (t = 0, tPrev = −1), guidance 0',
      public: true,
      args: [tensorSpec([1, 2], [2, 1]), 0, -1, small(), tensorSpec([0.5, 1], [2, 1]), tensorSpec([3, 3], [2, 1]), 0, tensorSpec([1, 1], [2, 1])],
    },
    { ...randomCase(rng, 'example 3: linear T = 1000, t = 500 → DDIM 480, guidance 7.5', 2, 4, 'linear', 1000, 500, 480, 7.5), public: true },
    randomCase(rng, 'hidden: first sampling step t = T − 1 = 999, DDIM stride 20', 3, 6, 'linear', 1000, 999, 979, 7.5),
    randomCase(rng, 'hidden: cosine T = 1000, DDIM single step tPrev = t − 1', 2, 5, 'cosine', 1000, 600, 599, 3),
    randomCase(rng, 'hidden: final step t = 0, tPrev = −1', 3, 4, 'cosine', 1000, 0, -1, 4),
    randomCase(rng, 'hidden: t = 1 → DDIM 0 (small posterior variance)', 2, 4, 'linear', 1000, 1, 0, 2),
    randomCase(rng, 'hidden: guidance 0 (unconditional only)', 2, 4, 'linear', 1000, 300, 250, 0),
    randomCase(rng, 'hidden: guidance 1 (conditional only)', 2, 4, 'cosine', 1000, 700, 650, 1),
    randomCase(rng, 'hidden: batch 1, D = 1', 1, 1, 'linear', 1000, 123, 100, 5),
    randomCase(rng, 'hidden: DDIM jumps straight to x0 (t = 50, tPrev = −1)', 2, 4, 'cosine', 1000, 50, -1, 6),
    randomCase(rng, 'hidden: cosine small T = 10, t = 5 → DDIM 2', 3, 3, 'cosine', 10, 5, 2, 1.5),
    randomCase(rng, 'hidden: linear T = 50, t = 49 → DDIM 24', 2, 8, 'linear', 50, 49, 24, 7.5),
  ];
  for (let i = 1; i <= 3; i++) {
    const T = rng.pick([20, 100, 1000]);
    const t = rng.int(1, T - 1);
    list.push(randomCase(rng, `hidden: random shapes ${i}`, rng.int(1, 4), rng.int(1, 8), rng.pick(['linear', 'cosine'] as const), T, t, rng.int(-1, t - 1), rng.pick([1.5, 3, 7.5])));
  }
  return list;
}

export default defineProblem({
  id: 'generative/ddim-step-cfg',
  entry: 'diffusionStep',
  argNames: ['xt', 't', 'tPrev', 'alphaBar', 'epsUncond', 'epsCond', 'guidance', 'z'],
  reference: diffusionStep,
  // eps, ddpm, ddim: each [B, D] float32, the shape of xt.
  output: objectOf({
    eps: tensorOf('float32', (args) => shapeOf(args, 0)),
    ddpm: tensorOf('float32', (args) => shapeOf(args, 0)),
    ddim: tensorOf('float32', (args) => shapeOf(args, 0)),
  }),
  cases,
  mistakes: [
    {
      id: 'cfg-swapped',
      title: 'guidance pushes away from the condition (ε_c and ε_u swapped)',
      explanation: 'Classifier-free guidance starts from the unconditional prediction and moves towards the conditional one: ε̂ = ε_u + w·(ε_c − ε_u). Swapping the two extrapolates away from the prompt.',
      diagnostic: 'mismatch',
    },
    {
      id: 'cfg-one-plus-w',
      title: 'guidance written in the (1 + w) convention: ε_c + w·(ε_c − ε_u)',
      explanation: 'Two conventions exist; this problem uses ε̂ = ε_u + w·(ε_c − ε_u), so w = 1 is the purely conditional model and w = 0 the unconditional one. ε_c + w·(ε_c − ε_u) is the same formula with w shifted by one.',
      diagnostic: 'mismatch',
    },
    {
      id: 'guidance-not-used-in-steps',
      title: 'the steps use ε_c instead of the guided ε̂',
      explanation: 'The guided prediction ε̂ replaces the model output everywhere: in the DDPM mean and in the DDIM x̂₀ and direction terms.',
      diagnostic: 'mismatch',
    },
    {
      id: 'ddpm-divides-by-sqrt-alpha-bar',
      title: 'DDPM mean divided by √ᾱ_t instead of √α_t',
      explanation: 'One reverse step undoes one forward step: μ = (x_t − β_t/√(1 − ᾱ_t) · ε̂) / √α_t with the single-step α_t = ᾱ_t / ᾱ_{t−1}. Dividing by √ᾱ_t jumps most of the way to x₀.',
      diagnostic: 'mismatch',
    },
    {
      id: 'ddpm-sigma-beta',
      title: 'DDPM noise with variance β_t instead of the posterior variance β̃_t',
      explanation: 'The statement fixes σ_t² = β̃_t = (1 − ᾱ_{t−1})/(1 − ᾱ_t) · β_t (the true posterior variance, zero at t = 0). σ_t² = β_t is the other choice of the DDPM paper, not this one.',
      diagnostic: 'mismatch',
    },
    {
      id: 'ddpm-sigma-is-variance',
      title: 'noise scaled by the variance β̃_t instead of the standard deviation',
      explanation: 'x_{t−1} = μ + σ_t z with σ_t = √β̃_t; multiplying z by β̃_t itself makes the added noise far too small.',
      diagnostic: 'mismatch',
    },
    {
      id: 'ddim-uses-previous-step',
      title: 'DDIM step lands on t − 1 instead of tPrev',
      explanation: 'DDIM can skip steps: the target is ᾱ_{tPrev}, which is ᾱ_{t−1} only when tPrev = t − 1. Use the tPrev argument for the second ᾱ.',
      diagnostic: 'mismatch',
    },
    {
      id: 'final-alpha-bar-is-alpha-bar-0',
      title: 'ᾱ_{−1} taken as ᾱ_0 instead of 1',
      explanation: 'Before the first forward step nothing has been noised, so ᾱ_{−1} = 1: the last DDPM step (t = 0) has α_0 = ᾱ_0, and a DDIM step to tPrev = −1 returns the predicted x₀ itself.',
      diagnostic: 'mismatch',
    },
    {
      id: 'ddim-x0-sign',
      title: 'predicted x₀ adds the noise instead of removing it',
      explanation: 'Invert x_t = √ᾱ_t x₀ + √(1 − ᾱ_t) ε: x̂₀ = (x_t − √(1 − ᾱ_t) ε̂) / √ᾱ_t.',
      diagnostic: 'mismatch',
    },
  ],
});
