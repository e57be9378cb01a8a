import { defineProblem, type CaseSpec } from '../../../src/judge/problem';
import { objectOf, scalarTensor } from '../../../src/judge/contract';
import { tensorSpec } from '../../../src/judge/inputs';
import type { Rng } from '../../../src/judge/rng';
import { ganLosses } from './reference';

function ganCase(rng: Rng, name: string, Br: number, Bf: number, realShift: number, fakeShift: number, scale = 1): CaseSpec {
  const real = rng.normal([Br], scale);
  const fake = rng.normal([Bf], scale);
  for (let i = 0; i < Br; i++) real.data[i] = Math.fround(real.data[i] + realShift);
  for (let i = 0; i < Bf; i++) fake.data[i] = Math.fround(fake.data[i] + fakeShift);
  return { name, public: false, args: [real, fake] };
}

function cases(rng: Rng): CaseSpec[] {
  const list: CaseSpec[] = [
    { name: 'example 1: Br = 2, Bf = 3', public: true, args: [tensorSpec([2, -1], [2]), tensorSpec([0, -3, 1], [3])] },
    { name: 'example 2: logits of ±100', public: true, args: [tensorSpec([100, -100], [2]), tensorSpec([-100, 100], [2])] },
  ];
  list.push(ganCase(rng, 'hidden: balanced batches of 16', 16, 16, 0.5, -0.5));
  list.push(ganCase(rng, 'hidden: Br ≠ Bf (8 real, 3 fake)', 8, 3, 1, -1));
  list.push(ganCase(rng, 'hidden: Br ≠ Bf (2 real, 12 fake)', 2, 12, 0, 0));
  list.push(ganCase(rng, 'hidden: batch 1 each', 1, 1, 0.3, -0.7));
  list.push({ name: 'hidden: logits exactly 0', public: false, args: [tensorSpec([0, 0, 0], [3]), tensorSpec([0, 0], [2])] });
  list.push(ganCase(rng, 'hidden: confident discriminator (real ≈ +100, fake ≈ −100)', 6, 5, 100, -100, 3));
  list.push(ganCase(rng, 'hidden: fooled discriminator (real ≈ −5, fake ≈ +5)', 5, 6, -5, 5));
  list.push({ name: 'hidden: |logit| ≈ 1000', public: false, args: [tensorSpec([1000, -1000, 999.5, 3], [4]), tensorSpec([-1000, 1000, -998, 2], [4])] });
  list.push(ganCase(rng, 'hidden: logits between 20 and 40', 5, 5, 30, 30, 3));
  list.push(ganCase(rng, 'hidden: logits between −40 and −20', 4, 6, -30, -30, 3));
  for (let i = 0; i < 2; i++) list.push(ganCase(rng, `hidden: random ${i + 1}`, rng.int(1, 20), rng.int(1, 20), rng.pick([-1, 0, 2]), rng.pick([-3, 0, 1]), rng.pick([0.5, 2, 5])));
  return list;
}

export default defineProblem({
  id: 'generative/gan-losses',
  entry: 'ganLosses',
  argNames: ['realLogits', 'fakeLogits'],
  reference: ganLosses,
  // Three float32 scalar tensors.
  output: objectOf({ discriminator: scalarTensor(), generatorMinimax: scalarTensor(), generatorNonSaturating: scalarTensor() }),
  cases,
  mistakes: [
    {
      id: 'naive-log-sigmoid',
      title: 'log(sigmoid(ℓ)) and log(1 − sigmoid(ℓ)) from the probability',
      explanation: 'In float32 sigmoid(ℓ) is exactly 1 for ℓ ≳ 17 and 0 for ℓ ≲ −88, so the log is −Infinity. Use −log σ(ℓ) = softplus(−ℓ) and −log(1 − σ(ℓ)) = softplus(ℓ).',
      diagnostic: 'non-finite',
    },
    {
      id: 'eps-clamped-log',
      title: 'log(p + 1e-8) instead of a log-sigmoid',
      explanation: 'The epsilon keeps the loss finite but caps each term near −log(1e-8) ≈ 18.4, so a confidently wrong sample (logit 100) costs 18.4 instead of 100 and its gradient vanishes. Work from the logits with softplus.',
      diagnostic: 'mismatch',
    },
    {
      id: 'softplus-identity-flipped',
      title: 'softplus identities mixed up',
      explanation: '−log σ(x) = softplus(−x) and −log(1 − σ(x)) = softplus(x). Swapping them computes the loss of the opposite label.',
      diagnostic: 'mismatch',
    },
    {
      id: 'labels-swapped',
      title: 'discriminator trained with real → 0 and fake → 1',
      explanation: 'D(x) = σ(logit) is the probability that x is real: real samples get label 1 (−log D), generated ones label 0 (−log(1 − D)).',
      diagnostic: 'mismatch',
    },
    {
      id: 'nonsaturating-missing-minus',
      title: 'non-saturating loss +log D(G(z)) instead of −log D(G(z))',
      explanation: 'Every output is a loss to minimise: the non-saturating generator minimises −mean log D(G(z)) = mean softplus(−f), which is ≥ 0.',
      diagnostic: 'mismatch',
    },
    {
      id: 'discriminator-concat-mean',
      title: 'one mean over the concatenated real and fake terms',
      explanation: 'L_D is the mean over the real batch plus the mean over the fake batch. A single mean over all Br + Bf terms halves the loss when the batches are equal and weights the halves by their sizes when they differ.',
      diagnostic: 'mismatch',
    },
    {
      id: 'discriminator-halved',
      title: 'discriminator loss halved',
      explanation: 'Some codebases divide L_D by 2 to slow the discriminator; the statement asks for the plain sum of the two batch means.',
      diagnostic: 'mismatch',
    },
    {
      id: 'sum-not-mean',
      title: 'losses summed over the batch instead of averaged',
      explanation: 'Each term is a mean over its own batch, so the losses do not grow with the batch size.',
      diagnostic: 'mismatch',
    },
  ],
});
