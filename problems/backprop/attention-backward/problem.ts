import { defineProblem, type CaseSpec } from '../../../src/judge/problem';
import { objectOf, shapeOf, tensorOf } from '../../../src/judge/contract';
import { tensorSpec } from '../../../src/judge/inputs';
import type { Rng } from '../../../src/judge/rng';
import { AUTODIFF_FORBIDDEN, AUTODIFF_MISTAKE } from '../forbidden';
import { attentionBackward } from './reference';

function randomCase(rng: Rng, name: string, batch: number[], tq: number, tk: number, d: number, dv: number, scale = 1): CaseSpec {
  return {
    name,
    public: false,
    args: [rng.normal([...batch, tq, d], scale), rng.normal([...batch, tk, d], scale), rng.normal([...batch, tk, dv]), rng.normal([...batch, tq, dv])],
  };
}

function cases(rng: Rng): CaseSpec[] {
  const list: CaseSpec[] = [
    {
      name: 'example 1: tq = 2, tk = 3, d = dv = 2',
      public: true,
      args: [
        tensorSpec([1, 0, 0, 1], [2, 2]),
        tensorSpec([1, 0, 0, 1, 1, 1], [3, 2]),
        tensorSpec([1, 0, 0, 1, 1, 1], [3, 2]),
        tensorSpec([1, 0, 0, -1], [2, 2]),
      ],
    },
    {
      name: 'example 2: one query, two keys',
      public: true,
      args: [tensorSpec([1, 0], [1, 2]), tensorSpec([1, 0, 0, 1], [2, 2]), tensorSpec([1, 2, 3, 4], [2, 2]), tensorSpec([1, 0], [1, 2])],
    },
  ];
  list.push(randomCase(rng, 'hidden: batch of 2, tq ≠ tk, dv ≠ d', [2], 3, 5, 4, 6));
  list.push(randomCase(rng, 'hidden: tq = tk (self-attention shape)', [1], 4, 4, 8, 8));
  list.push(randomCase(rng, 'hidden: batch and heads [2, 3]', [2, 3], 4, 5, 4, 3));
  list.push(randomCase(rng, 'hidden: no batch axis', [], 5, 3, 6, 2));
  list.push(randomCase(rng, 'hidden: a single key (P = 1, so dq = dk = 0)', [2], 3, 1, 4, 4));
  list.push(randomCase(rng, 'hidden: d = 1', [2], 3, 4, 1, 2));
  list.push(randomCase(rng, 'hidden: large d = 32', [1], 3, 4, 32, 4));
  list.push(randomCase(rng, 'hidden: peaked attention (large q, k)', [2], 4, 6, 8, 4, 3));
  for (let i = 0; i < 3; i++) {
    const batch = Array.from({ length: rng.int(0, 2) }, () => rng.int(1, 3));
    list.push(randomCase(rng, `hidden: random shapes ${i + 1}`, batch, rng.int(1, 6), rng.int(2, 6), rng.int(1, 12), rng.int(1, 8)));
  }
  return list;
}

export default defineProblem({
  id: 'backprop/attention-backward',
  entry: 'attentionBackward',
  argNames: ['q', 'k', 'v', 'dOut'],
  reference: attentionBackward,
  // { dq, dk, dv }: the shapes of q, k, v (no dtype stated; float32 gradients).
  output: objectOf({
    dq: tensorOf('float32', (args) => shapeOf(args, 0)),
    dk: tensorOf('float32', (args) => shapeOf(args, 1)),
    dv: tensorOf('float32', (args) => shapeOf(args, 2)),
  }),
  cases,
  forbiddenApis: AUTODIFF_FORBIDDEN,
  mistakes: [
    {
      id: 'missing-scale',
      title: 'the 1/√d scale is missing from dq and dk',
      explanation: 'S = q·kᵀ/√d, so the chain rule carries the same factor: dq = dS·k/√d and dk = dSᵀ·q/√d.',
      diagnostic: 'mismatch',
    },
    {
      id: 'softmax-backward-diagonal',
      title: 'softmax backward with only the diagonal of the Jacobian',
      explanation: 'Each row of P depends on the whole row of S: dS = P ⊙ (dP − Σ_keys(dP ⊙ P)), not P(1 − P)·dP.',
      diagnostic: 'mismatch',
    },
    {
      id: 'softmax-backward-wrong-axis',
      title: 'softmax backward summed over the query axis',
      explanation: 'The softmax normalizes over keys (last axis), so the row sum Σ dP ⊙ P in its backward runs over the last axis too (keepDims).',
      diagnostic: 'mismatch',
    },
    {
      id: 'dq-dk-swapped',
      title: 'dq and dk formulas swapped (transposes mixed up)',
      explanation: 'S[i, j] = q_i · k_j / √d: dq = dS·k/√d has q\'s shape [tq, d] and dk = dSᵀ·q/√d has k\'s shape [tk, d].',
      diagnostic: 'shape',
    },
    AUTODIFF_MISTAKE,
  ],
});
