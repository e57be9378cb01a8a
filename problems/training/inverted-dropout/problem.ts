import { defineProblem, type CaseSpec } from '../../../src/judge/problem';
import { shapeOf, tensorOf } from '../../../src/judge/contract';
import { tensorSpec } from '../../../src/judge/inputs';
import type { Rng } from '../../../src/judge/rng';
import { invertedDropout } from './reference';

function randomCase(rng: Rng, name: string, shape: number[], p: number, training: boolean): CaseSpec {
  return { name, public: false, args: [rng.normal(shape), rng.uniform(shape), p, training] };
}

function cases(rng: Rng): CaseSpec[] {
  const list: CaseSpec[] = [
    {
      name: 'example 1: training, p = 0.25',
      public: true,
      args: [tensorSpec([1, -2, 3, 4, 0.5, -1], [2, 3]), tensorSpec([0.9, 0.1, 0.3, 0.2, 0.6, 0.25], [2, 3]), 0.25, true],
    },
    {
      name: 'example 2: evaluation, p = 0.3',
      public: true,
      args: [tensorSpec([1, -2, 3, 4], [4]), tensorSpec([0.9, 0.1, 0.3, 0.2], [4]), 0.3, false],
    },
  ];
  list.push(randomCase(rng, 'hidden: training, p = 0.5', [4, 8], 0.5, true));
  list.push(randomCase(rng, 'hidden: evaluation, p = 0.5', [3, 5], 0.5, false));
  list.push(randomCase(rng, 'hidden: training, p = 0 keeps everything', [2, 6], 0, true));
  list.push(randomCase(rng, 'hidden: training, high p = 0.9', [5, 10], 0.9, true));
  list.push(randomCase(rng, 'hidden: training, small p = 0.1, rank 3', [2, 3, 4], 0.1, true));
  list.push(randomCase(rng, 'hidden: evaluation, rank 3, p = 0.8', [2, 2, 5], 0.8, false));
  list.push(randomCase(rng, 'hidden: training, a single element', [1], 0.3, true));
  list.push({
    name: 'hidden: u exactly equal to p is kept',
    public: false,
    args: [rng.normal([6]), tensorSpec([0.5, 0.49, 0.5, 0.51, 0.1, 0.5], [6]), 0.5, true],
  });
  list.push({
    name: 'hidden: p = 0.25 with u = p and u = 1 − p, rank 2',
    public: false,
    args: [rng.normal([2, 4]), tensorSpec([0.25, 0.75, 0.25, 0.1, 0.9, 0.75, 0.5, 0.25], [2, 4]), 0.25, true],
  });
  for (let i = 0; i < 3; i++) {
    const shape = Array.from({ length: rng.int(1, 3) }, () => rng.int(1, 6));
    list.push(randomCase(rng, `hidden: random ${i + 1}`, shape, rng.pick([0.2, 0.4, 0.6, 0.75]), rng.next() < 0.7));
  }
  return list;
}

export default defineProblem({
  id: 'training/inverted-dropout',
  entry: 'invertedDropout',
  argNames: ['x', 'u', 'p', 'training'],
  reference: invertedDropout,
  // Same shape as x (float32, like x).
  output: tensorOf('float32', (args) => shapeOf(args, 0)),
  cases,
  mistakes: [
    {
      id: 'not-rescaled',
      title: 'kept activations not rescaled by 1/(1 − p)',
      explanation:
        'Without rescaling, the expected output in training is (1 − p)·x but x at evaluation, so the next layer sees a different scale. Divide the kept activations by (1 − p).',
      diagnostic: 'mismatch',
    },
    {
      id: 'scale-by-keep-prob',
      title: 'multiplied by (1 − p) instead of dividing',
      explanation: 'Inverted dropout scales the survivors up: x·mask / (1 − p), so that E[output] = x.',
      diagnostic: 'mismatch',
    },
    {
      id: 'p-as-keep-prob',
      title: 'p used as the keep probability (drops with probability 1 − p)',
      explanation: 'p is the probability of dropping an element: keep it when u ≥ p (probability 1 − p) and scale by 1/(1 − p).',
      diagnostic: 'mismatch',
    },
    {
      id: 'strict-keep-rule',
      title: 'strict keep rule u > p (an element with u = p is dropped)',
      explanation: 'The statement keeps an element when u ≥ p, so u exactly equal to p is kept. Use tf.greaterEqual(u, p), not tf.greater.',
      diagnostic: 'mismatch',
    },
    {
      id: 'keep-below-one-minus-p',
      title: 'kept when u < 1 − p instead of u ≥ p',
      explanation:
        'u < 1 − p also keeps with probability 1 − p, but it selects different elements than the stated rule m = [u ≥ p], so the output differs. The uniforms are given so that everyone drops the same elements: keep when u ≥ p.',
      diagnostic: 'mismatch',
    },
    {
      id: 'rescaled-at-eval',
      title: 'activations rescaled at evaluation time',
      explanation:
        'Multiplying by (1 − p) at test time belongs to classic (non-inverted) dropout. With inverted dropout the training-time 1/(1 − p) already keeps the scale, so evaluation is the identity.',
      diagnostic: 'mismatch',
    },
    {
      id: 'ignores-training-flag',
      title: 'dropout still applied at evaluation',
      explanation: 'When training is false, return x unchanged; dropping units at inference makes predictions random.',
      diagnostic: 'mismatch',
    },
    {
      id: 'scale-by-one-over-p',
      title: 'kept activations scaled by 1/p instead of 1/(1 − p)',
      explanation: 'p is the drop probability, so an element survives with probability 1 − p; dividing the survivors by 1 − p keeps E[output] = x. Dividing by p gets the scale wrong (and blows up as p → 0).',
      diagnostic: 'mismatch',
    },
    {
      id: 'threshold-at-keep-prob',
      title: 'mask compares u with 1 − p instead of p',
      explanation: 'The rule is keep when u ≥ p, which keeps a fraction 1 − p. Thresholding at 1 − p keeps only a fraction p of the elements (and different ones).',
      diagnostic: 'mismatch',
    },
    {
      id: 'mask-not-applied',
      title: 'survivors rescaled but the mask never applied',
      explanation: 'Training output is mask · x / (1 − p): the elements with u < p must be zeroed before (or after) rescaling.',
      diagnostic: 'mismatch',
    },
    {
      id: 'scaled-by-observed-keep-rate',
      title: 'rescaled by the fraction actually kept instead of 1/(1 − p)',
      explanation: 'Inverted dropout divides by the keep probability 1 − p, a constant. Dividing by mask.mean() (the share of survivors in this draw) gives a different factor on every call and NaN when everything is dropped.',
      diagnostic: 'mismatch',
    },
    {
      id: 'mask-inverted',
      title: 'mask inverted: keeps u < p, the elements that should be dropped',
      explanation: 'An element is kept when u ≥ p (probability 1 − p). tf.less(u, p) selects exactly the dropped ones, so the output is nonzero where it should be 0 and vice versa.',
      diagnostic: 'mismatch',
    },
    {
      id: 'eval-divided-by-keep-prob',
      title: 'evaluation output divided by (1 − p) too',
      explanation: 'The 1/(1 − p) rescale belongs to the training path only; at evaluation inverted dropout is the identity and must return x unchanged.',
      diagnostic: 'mismatch',
    },
  ],
});
