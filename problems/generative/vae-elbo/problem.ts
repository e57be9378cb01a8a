import { defineProblem, type CaseSpec } from '../../../src/judge/problem';
import { objectOf, scalarTensor, shapeOf, tensorOf } from '../../../src/judge/contract';
import { tensorSpec, type TensorSpec } from '../../../src/judge/inputs';
import type { Rng } from '../../../src/judge/rng';
import { vaeLoss } from './reference';

function vaeCase(rng: Rng, name: string, N: number, D: number, Z: number, opts: { beta?: number; wScale?: number; soft?: boolean; logVarShift?: number } = {}): CaseSpec {
  const { beta = 1, wScale = 0.5, soft = false, logVarShift = 0 } = opts;
  const x: TensorSpec = soft ? rng.uniform([N, D]) : rng.bernoulli([N, D], 0.4);
  const logVar = rng.normal([N, Z], 0.5);
  for (let i = 0; i < logVar.data.length; i++) logVar.data[i] = Math.fround(logVar.data[i] + logVarShift);
  return { name, public: false, args: [x, rng.normal([N, Z]), logVar, rng.normal([N, Z]), rng.normal([Z, D], wScale), rng.normal([D], 0.1), beta] };
}

function cases(rng: Rng): CaseSpec[] {
  const list: CaseSpec[] = [
    {
      name: 'example 1: N = 1, D = 2, Z = 1',
      public: true,
      args: [
        tensorSpec([1, 0], [1, 2]),
        tensorSpec([0.5], [1, 1]),
        tensorSpec([0], [1, 1]),
        tensorSpec([1], [1, 1]),
        tensorSpec([1, -2], [1, 2]),
        tensorSpec([0, 0.5], [2]),
        1,
      ],
    },
    {
      name: 'example 2: N = 2, D = 3, Z = 2, β = 0.5',
      public: true,
      args: [
        tensorSpec([1, 0, 1, 0, 1, 1], [2, 3]),
        tensorSpec([0, 1, -1, 0.5], [2, 2]),
        tensorSpec([-1, 0.5, 0, -2], [2, 2]),
        tensorSpec([0.5, -1, 2, 0], [2, 2]),
        tensorSpec([1, 0, -1, 0.5, 2, 0], [2, 3]),
        tensorSpec([0, -1, 1], [3]),
        0.5,
      ],
    },
  ];
  list.push(vaeCase(rng, 'hidden: batch 16, D = 20, Z = 4', 16, 20, 4));
  list.push(vaeCase(rng, 'hidden: batch 1', 1, 12, 3));
  list.push(vaeCase(rng, 'hidden: one latent dimension', 6, 8, 1));
  list.push(vaeCase(rng, 'hidden: β = 0 (pure reconstruction; kl still reported)', 5, 10, 3, { beta: 0 }));
  list.push(vaeCase(rng, 'hidden: β = 4 (β-VAE)', 5, 10, 3, { beta: 4 }));
  list.push(vaeCase(rng, 'hidden: soft targets in [0, 1]', 6, 9, 2, { soft: true }));
  list.push(vaeCase(rng, 'hidden: large logits (|logit| in the hundreds: log(sigmoid) underflows)', 4, 10, 3, { wScale: 150 }));
  list.push(vaeCase(rng, 'hidden: wide posterior (logVar ≈ 2)', 5, 8, 4, { logVarShift: 2 }));
  list.push(vaeCase(rng, 'hidden: narrow posterior (logVar ≈ −4)', 5, 8, 4, { logVarShift: -4 }));
  {
    // The prior itself: mu = 0, logVar = 0 gives kl = 0 exactly.
    const N = 4;
    const Z = 3;
    const c = vaeCase(rng, 'hidden: posterior equals the prior (kl = 0)', N, 6, Z);
    c.args[1] = tensorSpec(new Array(N * Z).fill(0), [N, Z]);
    c.args[2] = tensorSpec(new Array(N * Z).fill(0), [N, Z]);
    list.push(c);
  }
  for (let i = 0; i < 2; i++) list.push(vaeCase(rng, `hidden: random shapes ${i + 1}`, rng.int(1, 10), rng.int(2, 24), rng.int(1, 6), { beta: rng.pick([0.5, 1, 2]) }));
  return list;
}

export default defineProblem({
  id: 'generative/vae-elbo',
  entry: 'vaeLoss',
  argNames: ['x', 'mu', 'logVar', 'eps', 'wDec', 'bDec', 'beta'],
  reference: vaeLoss,
  // loss, recon, kl: float32 scalars; z: [N, Z] float32.
  output: objectOf({ loss: scalarTensor(), recon: scalarTensor(), kl: scalarTensor(), z: tensorOf('float32', (args) => shapeOf(args, 1)) }),
  cases,
  mistakes: [
    {
      id: 'std-as-exp-logvar',
      title: 'σ = exp(logVar) instead of exp(logVar / 2)',
      explanation: 'logVar is log σ², so σ = exp(logVar / 2). exp(logVar) is the variance: the sampled z is spread too wide (or too narrow when logVar < 0).',
      diagnostic: 'mismatch',
    },
    {
      id: 'kl-sign-flipped',
      title: 'KL term without its minus sign',
      explanation: 'KL(N(μ, σ²) ‖ N(0, 1)) = −½ Σ (1 + log σ² − μ² − σ²), which is ≥ 0. Without the minus the "KL" is negative and minimizing the loss pushes the posterior away from the prior.',
      diagnostic: 'mismatch',
    },
    {
      id: 'kl-with-std',
      title: 'KL uses σ where it needs σ²',
      explanation: 'The closed form is −½ Σ (1 + logVar − μ² − exp(logVar)): the last term is the variance exp(logVar), not the standard deviation exp(logVar / 2).',
      diagnostic: 'mismatch',
    },
    {
      id: 'log-of-sigmoid',
      title: 'BCE as x·log(sigmoid) + (1 − x)·log(1 − sigmoid), not from logits',
      explanation: 'For |logit| in the hundreds sigmoid rounds to exactly 0 or 1 and the log becomes −Infinity (and 0·−Infinity = NaN). Use the logits form max(l, 0) − l·x + log(1 + exp(−|l|)) (tf.losses.sigmoidCrossEntropy-style).',
      diagnostic: 'non-finite',
    },
    {
      id: 'recon-mean-over-pixels',
      title: 'reconstruction averaged over pixels instead of summed',
      explanation: 'The Bernoulli log-likelihood of an example is a sum over its D pixels; only the batch is averaged. A per-pixel mean divides the reconstruction term by D and lets the KL dominate (a classic cause of posterior collapse / blurry samples).',
      diagnostic: 'mismatch',
    },
    {
      id: 'kl-mean-over-latents',
      title: 'KL averaged over latent dimensions instead of summed',
      explanation: 'The KL of a diagonal Gaussian is a sum over the Z independent dimensions; only the batch is averaged.',
      diagnostic: 'mismatch',
    },
    {
      id: 'beta-on-recon',
      title: 'β multiplies the reconstruction term',
      explanation: 'In a β-VAE the weight is on the KL: loss = recon + β·kl. β = 1 gives the negative ELBO.',
      diagnostic: 'mismatch',
    },
    {
      id: 'sum-over-batch',
      title: 'terms summed over the batch instead of averaged',
      explanation: 'Sum over pixels and latents within an example, then take the mean over the N examples, so the loss does not scale with the batch size.',
      diagnostic: 'mismatch',
    },
    {
      id: 'decoder-on-mu',
      title: 'decoder applied to μ instead of the sampled z',
      explanation: 'The reconstruction term is an expectation over q(z|x), estimated with the reparameterized sample z = μ + σ·ε. Decoding μ drops the noise, so σ gets no gradient from the reconstruction.',
      diagnostic: 'mismatch',
    },
  ],
});
