import { defineProblem, type CaseSpec } from '../../../src/judge/problem';
import { shapeOf, tensorOf } from '../../../src/judge/contract';
import { tensorSpec, type TensorSpec } from '../../../src/judge/inputs';
import type { Rng } from '../../../src/judge/rng';
import { causalLinearAttention } from './reference';

/** N(shift, scale²) entries. */
function shifted(rng: Rng, shape: number[], scale: number, shift: number): TensorSpec {
  const spec = rng.normal(shape, scale);
  for (let i = 0; i < spec.data.length; i++) spec.data[i] += shift;
  return spec;
}

function randomCase(rng: Rng, name: string, B: number, T: number, Dk: number, Dv: number, eps: number, scale = 1, shift = 0): CaseSpec {
  return {
    name,
    public: false,
    args: [shifted(rng, [B, T, Dk], scale, shift), shifted(rng, [B, T, Dk], scale, shift), rng.normal([B, T, Dv], scale), eps],
  };
}

/**
 * The memory rule: no op may produce more than B·T·Dk·Dv elements, the size of the running-sum
 * tensor S of the vectorised prefix-sum form. The quadratic form's [B, T, T] scores exceed it
 * whenever T > Dk·Dv.
 */
function maxTensorElements(spec: CaseSpec): number {
  const [q, , v] = spec.args as TensorSpec[];
  const [B, T, Dk] = q.shape;
  return B * T * Dk * v.shape[2];
}

/** The promise of the long cases: a [B, T, T] score matrix is over the limit. */
function quadraticOverLimit(spec: CaseSpec): CaseSpec {
  const [q, , v] = spec.args as TensorSpec[];
  if (!(q.shape[1] > q.shape[2] * v.shape[2])) throw new Error(`${spec.name}: T ≤ Dk·Dv, a [T, T] matrix fits`);
  return spec;
}

function cases(rng: Rng): CaseSpec[] {
  const list: CaseSpec[] = [
    {
      name: 'example 1: zero queries and keys (running mean of v), eps = 1e-6',
      public: true,
      args: [tensorSpec([0, 0, 0], [1, 3, 1]), tensorSpec([0, 0, 0], [1, 3, 1]), tensorSpec([1, 2, 3], [1, 3, 1]), 1e-6],
    },
    {
      name: 'example 2: Dk = 2, Dv = 1, negative entries, eps = 0.5',
      public: true,
      args: [tensorSpec([1, -1, 0, 2], [1, 2, 2]), tensorSpec([-1, 0, 1, 1], [1, 2, 2]), tensorSpec([2, 4], [1, 2, 1]), 0.5],
    },
    { ...randomCase(rng, 'example 3: batch 2, T = 8, Dk = 3, Dv = 2', 2, 8, 3, 2, 1e-6), public: true },
    quadraticOverLimit(randomCase(rng, 'hidden: batch 1, T = 24, Dk = Dv = 4', 1, 24, 4, 4, 1e-6)),
    randomCase(rng, 'hidden: T = 1', 3, 1, 4, 3, 1e-6),
    quadraticOverLimit(randomCase(rng, 'hidden: Dk = 2, Dv = 5', 2, 20, 2, 5, 1e-6)),
    quadraticOverLimit(randomCase(rng, 'hidden: large eps (eps = 1)', 2, 16, 3, 2, 1)),
    quadraticOverLimit(randomCase(rng, 'hidden: eps = 0', 2, 12, 2, 3, 0)),
    quadraticOverLimit(randomCase(rng, 'hidden: mostly negative q and k (the elu branch, φ near 0)', 2, 14, 3, 3, 1e-6, 1, -2)),
    quadraticOverLimit(randomCase(rng, 'hidden: Dk = Dv = 1', 2, 10, 1, 1, 1e-6)),
    quadraticOverLimit(randomCase(rng, 'hidden: large-magnitude inputs (|x| up to ~60)', 2, 16, 3, 4, 1e-6, 20)),
    quadraticOverLimit(randomCase(rng, 'hidden: long sequence T = 64, Dk = Dv = 4', 2, 64, 4, 4, 1e-6)),
  ];
  for (let i = 1; i <= 3; i++) {
    const Dk = rng.int(1, 4);
    const Dv = rng.int(1, 4);
    list.push(quadraticOverLimit(randomCase(rng, `hidden: random shapes ${i}`, rng.int(1, 3), Dk * Dv + rng.int(1, 12), Dk, Dv, rng.pick([0, 1e-6, 0.1]))));
  }
  return list;
}

export default defineProblem({
  id: 'attention/linear-attention',
  entry: 'causalLinearAttention',
  argNames: ['q', 'k', 'v', 'eps'],
  reference: causalLinearAttention,
  // [B, T, Dv] float32: B and T from q, Dv from v.
  output: tensorOf('float32', (args) => [...shapeOf(args, 0).slice(0, 2), shapeOf(args, 2)[2]]),
  cases,
  maxTensorElements,
  mistakes: [
    {
      id: 'quadratic-form',
      title: 'quadratic form: a masked [T, T] matrix φ(Q)φ(K)ᵀ',
      explanation:
        'Computing φ(Q)φ(K)ᵀ with a causal mask gives the right numbers but costs O(T²) memory, which is what linear attention avoids. Use running sums instead: S_t = Σ_{s≤t} φ(k_s)ᵀv_s (a cumsum over time of outer products, or a loop carrying a [Dk, Dv] state) and z_t = Σ_{s≤t} φ(k_s).',
      diagnostic: 'resource-limit',
    },
    {
      id: 'not-causal',
      title: 'sums over the whole sequence (not causal)',
      explanation: 'Position t may only use keys and values 0..t. Use prefix sums (tf.cumsum along the time axis), not a sum over all T.',
      diagnostic: 'mismatch',
    },
    {
      id: 'exclusive-prefix',
      title: 'prefix sums exclude the current position',
      explanation: 'Causal attention includes the token itself: S_t and z_t sum over s ≤ t. An exclusive cumsum (s < t) drops the diagonal and leaves position 0 with nothing.',
      diagnostic: 'mismatch',
    },
    {
      id: 'suffix-sum',
      title: 'running sums taken from the end (reverse cumsum, anti-causal)',
      explanation: 'The sums run forward in time, over s ≤ t; a reverse cumsum sums s ≥ t, i.e. attends to the future.',
      diagnostic: 'mismatch',
    },
    {
      id: 'elu-without-plus-one',
      title: 'feature map elu(x) instead of elu(x) + 1',
      explanation: 'The feature map must be positive so every weight φ(q)·φ(k) is positive and the normaliser cannot vanish or flip sign. elu(x) lies in (−1, ∞); add 1 to get (0, ∞).',
      diagnostic: 'mismatch',
    },
    {
      id: 'no-normaliser',
      title: 'numerator not divided by the normaliser φ(q_t)·z_t',
      explanation: 'Linear attention replaces softmax weights by φ(q)·φ(k) / Σ_s φ(q)·φ(k_s): divide φ(q_t)S_t by φ(q_t)·z_t + eps, with z_t the running sum of φ(k_s).',
      diagnostic: 'mismatch',
    },
    {
      id: 'normaliser-not-causal',
      title: 'normaliser summed over the whole sequence',
      explanation: 'The normaliser must use the same keys as the numerator: z_t = Σ_{s≤t} φ(k_s), a cumsum, not a sum over all T.',
      diagnostic: 'mismatch',
    },
    {
      id: 'eps-ignored',
      title: 'eps not added to the denominator',
      explanation: 'The statement fixes the denominator as φ(q_t)·z_t + eps; with a large eps the difference shows.',
      diagnostic: 'mismatch',
    },
    {
      id: 'query-scaled',
      title: 'queries scaled by 1/√Dk (a softmax-attention habit)',
      explanation: 'There is no 1/√Dk here: the feature map is applied to q and k as given, φ(q) = elu(q) + 1.',
      diagnostic: 'mismatch',
    },
  ],
});
