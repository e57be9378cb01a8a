import { defineProblem, type CaseSpec } from '../../../src/judge/problem';
import { objectOf, shapeOf, tensorOf } from '../../../src/judge/contract';
import { tensorSpec, type TensorSpec } from '../../../src/judge/inputs';
import type { Rng } from '../../../src/judge/rng';
import { sgdMomentum } from './reference';

function run(rng: Rng, shape: number[], steps: number, lr: number, momentum: number, nesterov: boolean, gradScale = 1) {
  const grads: TensorSpec[] = Array.from({ length: steps }, () => rng.normal(shape, gradScale));
  return [rng.normal(shape), grads, lr, momentum, nesterov];
}

function cases(rng: Rng): CaseSpec[] {
  const p1 = tensorSpec([1, -2], [2]);
  const g1 = [tensorSpec([0.5, 1], [2]), tensorSpec([0.5, -1], [2]), tensorSpec([1, 0], [2])];
  const list: CaseSpec[] = [
    { name: 'example 1: 3 steps, momentum 0.9', public: true, args: [p1, g1, 0.1, 0.9, false] },
    { name: 'example 2: same, nesterov', public: true, args: [p1, g1, 0.1, 0.9, true] },
    { name: 'hidden: matrix param, 5 steps', public: false, args: run(rng, [4, 3], 5, 0.05, 0.9, false) },
    { name: 'hidden: matrix param, 5 steps, nesterov', public: false, args: run(rng, [3, 5], 5, 0.05, 0.9, true) },
    { name: 'hidden: a single step', public: false, args: run(rng, [6], 1, 0.1, 0.9, false) },
    { name: 'hidden: momentum 0.5, 8 steps', public: false, args: run(rng, [2, 2, 3], 8, 0.2, 0.5, false) },
    { name: 'hidden: momentum 0 (plain SGD)', public: false, args: run(rng, [5], 4, 0.1, 0, false) },
    { name: 'hidden: momentum 0.99, 20 steps', public: false, args: run(rng, [8], 20, 0.01, 0.99, false) },
    { name: 'hidden: momentum 0.99, 20 steps, nesterov', public: false, args: run(rng, [8], 20, 0.01, 0.99, true) },
    { name: 'hidden: scalar parameter', public: false, args: [tensorSpec([3], []), [tensorSpec([1], []), tensorSpec([-2], []), tensorSpec([0.5], [])], 0.3, 0.8, true] },
    { name: 'hidden: large gradients', public: false, args: run(rng, [4, 4], 6, 1e-3, 0.9, false, 100) },
    { name: 'hidden: large lr', public: false, args: run(rng, [3], 4, 1.5, 0.7, true) },
  ];
  for (let i = 0; i < 3; i++) {
    list.push({
      name: `hidden: random ${i + 1}`,
      public: false,
      args: run(rng, [rng.int(1, 10), rng.int(1, 10)], rng.int(2, 12), rng.pick([0.01, 0.1, 0.5]), rng.pick([0.5, 0.9, 0.95]), rng.next() < 0.5),
    });
  }
  return list;
}

export default defineProblem({
  id: 'training/sgd-momentum',
  entry: 'sgdMomentum',
  argNames: ['param', 'grads', 'lr', 'momentum', 'nesterov'],
  reference: sgdMomentum,
  // { param, velocity }: both param's shape (float32, like param).
  output: objectOf({
    param: tensorOf('float32', (args) => shapeOf(args, 0)),
    velocity: tensorOf('float32', (args) => shapeOf(args, 0)),
  }),
  cases,
  forbiddenApis: [{ name: 'train', reason: 'implement the momentum update yourself instead of using a built-in optimizer.' }],
  mistakes: [
    {
      id: 'lr-inside-velocity',
      title: 'learning rate folded into the velocity',
      explanation: 'This problem uses the PyTorch convention: v ← μ·v + g (gradient units) and p ← p − lr·v. With lr inside the velocity (v ← μ·v + lr·g, p ← p − v) the parameter matches for a constant lr, but the velocity state is lr times too small (and the two differ once lr changes).',
      diagnostic: 'mismatch',
    },
    {
      id: 'dampening',
      title: 'velocity dampened by (1 − μ)',
      explanation: 'v ← μ·v + (1 − μ)·g is an exponential moving average (dampening = μ); SGD momentum adds the full gradient: v ← μ·v + g.',
      diagnostic: 'mismatch',
    },
    {
      id: 'velocity-not-carried',
      title: 'velocity not carried between steps',
      explanation: 'The velocity is state: keep the v from the previous step and decay it by μ. Resetting it every step is plain SGD.',
      diagnostic: 'mismatch',
    },
    {
      id: 'nesterov-ignored',
      title: 'the Nesterov step equals the plain momentum step (the flag ignored, or g + μ·v taken with the old v)',
      explanation: 'With nesterov, first update v = μ·v + g, then step along g + μ·v with that fresh v. Stepping along v, or along g + μ·v before v is updated (which is the same number), is plain momentum.',
      diagnostic: 'mismatch',
    },
    {
      id: 'step-with-old-velocity',
      title: "classic momentum step taken with the previous step's velocity",
      explanation: 'Update the velocity first (v ← μ·v + g), then move the parameter with the new v; otherwise every step lags one gradient behind and the first step does nothing. (With Nesterov the same slip, g + μ·v with the old v, equals the classic step v: it shows as the Nesterov flag being ignored.)',
      diagnostic: 'mismatch',
    },
    {
      id: 'velocity-init-counts-twice',
      title: 'first gradient counted twice',
      explanation: 'Either start from v = 0 and update every step, or set v = g on the first step and skip the update (PyTorch does the latter). Initialising v = g and then also updating gives v₁ = (1 + μ)·g.',
      diagnostic: 'mismatch',
    },
    {
      id: 'uses-tf-train',
      title: 'used a tf.train optimizer',
      explanation: 'tf.train.* is off-limits here: write the velocity and parameter updates with tensor ops.',
      diagnostic: 'forbidden-api',
    },
    {
      id: 'nesterov-terms-swapped',
      title: 'Nesterov step written as v + μ·g instead of g + μ·v',
      explanation: 'PyTorch\'s Nesterov direction is d = g + μ·v with the freshly updated v: the momentum factor multiplies the velocity, not the gradient.',
      diagnostic: 'mismatch',
    },
    {
      id: 'gradient-ascent',
      title: 'parameter moved along the step (sign flipped)',
      explanation: 'SGD descends: p ← p − lr·d. Adding the step climbs the loss.',
      diagnostic: 'mismatch',
    },
    {
      id: 'nesterov-overwrites-velocity',
      title: 'Nesterov look-ahead g + μ·v stored back into the velocity',
      explanation: 'The Nesterov direction d = g + μ·v is only used for the step; the velocity carried to the next step stays v = μ·v + g. Overwriting v with d changes every later step and the returned velocity.',
      diagnostic: 'mismatch',
    },
    {
      id: 'velocity-negated',
      title: 'velocity kept with the opposite sign (v ← μ·v − g)',
      explanation: 'The parameter path is right, but in the PyTorch convention the velocity is in gradient units with the gradient\'s sign, v = μ·v + g, and the step subtracts it; return that v, not its negative.',
      diagnostic: 'mismatch',
    },
    {
      id: 'velocity-chain-order',
      title: 'velocity chained as μ·(v + g) instead of μ·v + g',
      explanation: 'Only the old velocity decays: v ← μ·v + g. Writing v.add(g).mul(μ) also scales the fresh gradient by μ (with μ = 0 the parameter never moves).',
      diagnostic: 'mismatch',
    },
    {
      id: 'nesterov-chain-order',
      title: 'Nesterov step chained as μ·(g + v) instead of g + μ·v',
      explanation: 'The Nesterov direction is the gradient plus μ times the updated velocity, g + μ·v (g.add(v.mul(μ))). g.add(v).mul(μ) also scales the gradient by μ, so the step is too short.',
      diagnostic: 'mismatch',
    },
  ],
});
