import { defineProblem, type CaseSpec } from '../../../src/judge/problem';
import { shapeOf, tensorOf } from '../../../src/judge/contract';
import { tensorSpec, type TensorSpec } from '../../../src/judge/inputs';
import type { Rng } from '../../../src/judge/rng';
import { grpoAdvantages } from './reference';

/** Binary verifier rewards (0/1), with some groups forced all-correct or all-wrong. */
function binary(rng: Rng, P: number, G: number, pCorrect: number, pUniform = 0): TensorSpec {
  const values: number[] = [];
  for (let p = 0; p < P; p++) {
    const uniform = rng.next() < pUniform ? (rng.next() < 0.5 ? 1 : 0) : undefined;
    for (let g = 0; g < G; g++) values.push(uniform ?? (rng.next() < pCorrect ? 1 : 0));
  }
  return tensorSpec(values, [P, G]);
}

function hidden(name: string, rewards: TensorSpec, eps: number): CaseSpec {
  return { name, public: false, args: [rewards, eps] };
}

/** Continuous rewards: a per-prompt offset (prompts differ in difficulty) plus per-sample noise. */
function continuous(rng: Rng, P: number, G: number, offsetScale: number, noise: number): TensorSpec {
  const values: number[] = [];
  for (let p = 0; p < P; p++) {
    const offset = offsetScale * rng.gaussian();
    for (let g = 0; g < G; g++) values.push(offset + noise * rng.gaussian());
  }
  return tensorSpec(values, [P, G]);
}

function cases(rng: Rng): CaseSpec[] {
  const list: CaseSpec[] = [
    { name: 'example 1: two prompts, four samples each', public: true, args: [tensorSpec([1, 0, 0, 1, 0.5, 2, 1, 0.5], [2, 4]), 1e-6] },
    { name: 'example 2: a group with equal rewards', public: true, args: [tensorSpec([1, 1, 1, 0, 3, 0], [2, 3]), 1e-4] },
    hidden('hidden: binary rewards, 8 prompts × 8 samples, some groups all right or all wrong', binary(rng, 8, 8, 0.4, 0.3), 1e-6),
    hidden('hidden: every group has equal rewards', tensorSpec([0, 0, 0, 0, 1, 1, 1, 1, 0.5, 0.5, 0.5, 0.5], [3, 4]), 1e-6),
    hidden('hidden: one prompt', continuous(rng, 1, 16, 2, 1), 1e-6),
    hidden('hidden: group size 1 (nothing to compare with)', continuous(rng, 5, 1, 1, 1), 1e-6),
    hidden('hidden: group size 2', continuous(rng, 6, 2, 3, 1), 1e-6),
    hidden('hidden: prompts of very different difficulty', continuous(rng, 6, 8, 10, 0.5), 1e-6),
    hidden('hidden: large eps = 0.5', continuous(rng, 4, 6, 1, 0.7), 0.5),
    hidden('hidden: large-magnitude rewards', continuous(rng, 4, 8, 1000, 300), 1e-6),
    hidden('hidden: integer scores 0..10, 16 × 16', tensorSpec(Array.from({ length: 256 }, () => rng.int(0, 10)), [16, 16]), 1e-4),
    hidden('hidden: 3 prompts × 64 samples, binary, rarely correct', binary(rng, 3, 64, 0.05, 0), 1e-6),
  ];
  for (let i = 0; i < 3; i++) {
    const P = rng.int(1, 10);
    const G = rng.int(2, 16);
    list.push(hidden(`hidden: random ${i + 1}`, rng.next() < 0.5 ? binary(rng, P, G, rng.next(), 0.2) : continuous(rng, P, G, 2, 1), rng.pick([1e-6, 1e-4, 1e-2])));
  }
  return list;
}

export default defineProblem({
  id: 'rl/grpo-advantages',
  entry: 'grpoAdvantages',
  argNames: ['rewards', 'eps'],
  reference: grpoAdvantages,
  // [nPrompts, groupSize] float32: rewards' shape.
  output: tensorOf('float32', (args) => shapeOf(args, 0)),
  cases,
  mistakes: [
    {
      id: 'batch-normalized',
      title: 'normalized over the whole batch instead of per group',
      explanation:
        'GRPO compares each completion with the other samples for the same prompt: take the mean and std over axis 1 (keepDims) so easy and hard prompts are normalized separately.',
      diagnostic: 'mismatch',
    },
    {
      id: 'sample-std',
      title: 'sample std (÷ (G − 1)) instead of the population std',
      explanation: 'The statement asks for the population std, √(Σ(r − mean)² / G), as tf.moments gives. torch.std defaults to G − 1.',
      diagnostic: 'mismatch',
    },
    {
      id: 'missing-eps',
      title: 'no eps in the denominator: equal rewards give NaN',
      explanation:
        'When every completion of a prompt gets the same reward (all right or all wrong — common with verifier rewards) the std is 0 and (r − mean)/std is 0/0. Divide by std + eps; those advantages are then 0.',
      diagnostic: 'non-finite',
    },
    {
      id: 'not-centered',
      title: 'the group mean is not subtracted',
      explanation: 'The advantage is relative to the group: (r − mean_group) / (std_group + eps). Without centering every completion of a good prompt is reinforced.',
      diagnostic: 'mismatch',
    },
    {
      id: 'wrong-axis',
      title: 'statistics over the prompt axis (axis 0)',
      explanation: 'rewards is [nPrompts, groupSize]: a group is a row. Reduce over axis 1, not axis 0.',
      diagnostic: 'mismatch',
    },
    {
      id: 'eps-inside-sqrt',
      title: 'eps added inside the square root (√(var + eps)) instead of to the std',
      explanation:
        'The statement divides by σ + ε. √(σ² + ε) is a different denominator — the gap is about √ε for small groups spreads, so with a large eps the advantages come out visibly off. Take the std first, then add eps.',
      diagnostic: 'mismatch',
    },
    {
      id: 'eps-replaced-by-zero-guard',
      title: 'eps argument not used: divided by the bare std (std = 0 guarded separately) or by std + a hard-coded tiny eps',
      explanation:
        'The formula divides by std + eps, with the eps passed in, for every group. Dividing by the bare std (guarding only std = 0), or adding a fixed 1e-8, changes every advantage whenever the given eps is not negligible next to the std.',
      diagnostic: 'mismatch',
    },
    {
      id: 'std-not-centred',
      title: 'std computed as √mean(r²) without subtracting the mean',
      explanation:
        'The standard deviation is √mean((r − mean)²). Taking the root mean square of the raw rewards skips the centring, so the scale is too large whenever the group mean is not 0.',
      diagnostic: 'mismatch',
    },
    {
      id: 'variance-not-std',
      title: 'divided by the variance instead of the standard deviation',
      explanation:
        'Normalize by the standard deviation, √variance + eps. Dividing by the variance forgets the square root: advantages are too large for groups with variance below 1 and too small above.',
      diagnostic: 'mismatch',
    },
    {
      id: 'not-scaled',
      title: 'only centred: the division by the group std is missing',
      explanation:
        'GRPO’s advantage is (r − mean) / (std + eps): after subtracting the group mean, divide by the group’s standard deviation (plus eps) so every group has unit scale.',
      diagnostic: 'mismatch',
    },
  ],
});
