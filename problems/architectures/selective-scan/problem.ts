import { defineProblem, type CaseSpec } from '../../../src/judge/problem';
import { objectOf, shapeOf, tensorOf } from '../../../src/judge/contract';
import { tensorSpec, type TensorSpec } from '../../../src/judge/inputs';
import type { Rng } from '../../../src/judge/rng';
import { selectiveScan } from './reference';

interface Ranges {
  /** Δ ~ U(lo, hi), always > 0. */
  delta?: [number, number];
  /** A = −U(lo, hi), always < 0. */
  decay?: [number, number];
  /** h0 = 0 when false. */
  initialState?: boolean;
}

function randomArgs(rng: Rng, b: number, len: number, d: number, n: number, ranges: Ranges = {}): TensorSpec[] {
  const [dLo, dHi] = ranges.delta ?? [0.05, 1.5];
  const [aLo, aHi] = ranges.decay ?? [0.2, 3];
  const A = rng.uniform([d, n], aLo, aHi);
  A.data = A.data.map((v) => -v);
  const args = [
    rng.normal([b, len, d]),
    rng.uniform([b, len, d], dLo, dHi),
    A,
    rng.normal([b, len, n]),
    rng.normal([b, len, n]),
    rng.normal([d], 0.5),
    ranges.initialState === false ? tensorSpec(new Array(b * d * n).fill(0), [b, d, n]) : rng.normal([b, d, n]),
  ];
  // The statement promises Δ > 0 and A < 0.
  if (!args[1].data.every((v) => v > 0) || !A.data.every((v) => v < 0)) throw new Error('selective-scan: Δ must be positive and A negative');
  return args;
}

function hidden(name: string, args: TensorSpec[]): CaseSpec {
  return { name: `hidden: ${name}`, public: false, args };
}

function cases(rng: Rng): CaseSpec[] {
  return [
    {
      name: 'example 1: one channel, one state, three steps, h0 = 0',
      public: true,
      args: [
        tensorSpec([1, 2, -1], [1, 3, 1]),
        tensorSpec([0.5, 1, 0.25], [1, 3, 1]),
        tensorSpec([-1], [1, 1]),
        tensorSpec([1, 0.5, 2], [1, 3, 1]),
        tensorSpec([1, 2, -1], [1, 3, 1]),
        tensorSpec([0.5], [1]),
        tensorSpec([0], [1, 1, 1]),
      ],
    },
    {
      name: 'example 2: two channels, two states, two steps, non-zero h0',
      public: true,
      args: [
        tensorSpec([1, -1, 0.5, 2], [1, 2, 2]),
        tensorSpec([1, 0.5, 0.2, 1], [1, 2, 2]),
        tensorSpec([-1, -2, -0.5, -1], [2, 2]),
        tensorSpec([1, 0, 0.5, -1], [1, 2, 2]),
        tensorSpec([1, 1, 2, 0], [1, 2, 2]),
        tensorSpec([1, 0], [2]),
        tensorSpec([1, 0, 0, 2], [1, 2, 2]),
      ],
    },
    { name: 'example 3: batch 2, 5 steps, 3 channels, 4 states', public: true, args: randomArgs(rng, 2, 5, 3, 4) },
    hidden('one step (L = 1)', randomArgs(rng, 2, 1, 4, 3)),
    hidden('batch 1, 32 steps', randomArgs(rng, 1, 32, 3, 4)),
    hidden('one state (N = 1)', randomArgs(rng, 2, 6, 4, 1)),
    hidden('one channel (D = 1)', randomArgs(rng, 2, 7, 1, 5)),
    hidden('zero initial state', randomArgs(rng, 2, 6, 3, 3, { initialState: false })),
    hidden('large Δ (Ā ≈ 0: the state forgets almost at once)', randomArgs(rng, 2, 8, 3, 4, { delta: [3, 8] })),
    hidden('tiny Δ (Ā ≈ 1: long memory)', randomArgs(rng, 2, 10, 3, 4, { delta: [0.001, 0.02] })),
    hidden('slow and fast decays mixed', randomArgs(rng, 1, 12, 4, 6, { decay: [0.01, 10] })),
    hidden('N ≠ D, longer sequence', randomArgs(rng, 2, 16, 2, 8)),
    hidden('realistic: 24 steps, 16 channels, 16 states', randomArgs(rng, 2, 24, 16, 16)),
    hidden(`random shapes 1`, randomArgs(rng, rng.int(1, 3), rng.int(1, 12), rng.int(1, 6), rng.int(1, 6))),
    hidden(`random shapes 2`, randomArgs(rng, rng.int(1, 3), rng.int(1, 12), rng.int(1, 6), rng.int(1, 6))),
    hidden(`random shapes 3`, randomArgs(rng, rng.int(1, 3), rng.int(1, 12), rng.int(1, 6), rng.int(1, 6), { initialState: false })),
  ];
}

export default defineProblem({
  id: 'architectures/selective-scan',
  entry: 'selectiveScan',
  argNames: ['x', 'delta', 'A', 'Bmat', 'C', 'Dskip', 'h0'],
  reference: selectiveScan,
  // y: [B, L, D] like x; state: [B, D, N] like h0.
  output: objectOf({ y: tensorOf('float32', (args) => shapeOf(args, 0)), state: tensorOf('float32', (args) => shapeOf(args, 6)) }),
  cases,
  mistakes: [
    {
      id: 'a-not-scaled-by-delta',
      title: 'Ā = exp(A): the step size Δ left out of the decay',
      explanation: 'Zero-order hold discretises the decay over a step of length Δ: Ā = exp(Δ·A), with Δ for that token and channel. exp(A) uses the same decay at every step.',
      diagnostic: 'mismatch',
    },
    {
      id: 'b-not-scaled-by-delta',
      title: 'B̄ = B: the step size Δ left out of the input',
      explanation: 'The input enters as B̄·x = Δ·B·x (Δ for that token and channel). Without Δ, a large step and a tiny step write the same amount into the state.',
      diagnostic: 'mismatch',
    },
    {
      id: 'euler-decay',
      title: 'Ā = 1 + Δ·A (Euler) instead of exp(Δ·A)',
      explanation: 'The decay is discretised with zero-order hold: Ā = exp(Δ·A). The Euler step 1 + Δ·A is only close for small Δ|A|, and becomes negative (unstable) for large steps.',
      diagnostic: 'mismatch',
    },
    {
      id: 'full-zoh-input',
      title: 'B̄ = (exp(ΔA) − 1)/A · B (full ZOH) instead of Δ·B',
      explanation: 'This problem uses Mamba’s simplified input discretisation B̄ = Δ·B (ZOH only for Ā), as the statement says. The full ZOH formula is a different convention and gives different numbers.',
      diagnostic: 'mismatch',
    },
    {
      id: 'output-before-update',
      title: 'y_t read from the state before step t’s update',
      explanation: 'Update first, then read: h_t = Ā_t·h_{t−1} + B̄_t·x_t and y_t = C_t·h_t + D·x_t. Reading h_{t−1} delays every output by one step.',
      diagnostic: 'mismatch',
    },
    {
      id: 'skip-missing',
      title: 'D·x skip term missing',
      explanation: 'The output is y_t = C_t·h_t + D ⊙ x_t: add the per-channel skip Dskip times the input.',
      diagnostic: 'mismatch',
    },
    {
      id: 'a-treated-as-log',
      title: 'A treated as log(−A) (Mamba’s A_log parameter)',
      explanation: 'A is given as the (negative) continuous decay itself; use exp(Δ·A) directly. Mamba stores A_log and forms A = −exp(A_log), but that step is already done here.',
      diagnostic: 'mismatch',
    },
    {
      id: 'h0-ignored',
      title: 'initial state h0 ignored (scan starts from zeros)',
      explanation: 'The scan starts from the given h0: h_1 = Ā_1·h0 + B̄_1·x_1. Starting from zeros only works when h0 happens to be 0.',
      diagnostic: 'mismatch',
    },
    {
      id: 'b-c-swapped',
      title: 'B and C swapped (C writes the state, B reads it)',
      explanation: 'B is the input projection (h ← Ā·h + Δ·B·x) and C the output projection (y = C·h + D·x).',
      diagnostic: 'mismatch',
    },
    {
      id: 'output-mean-over-state',
      title: 'y_t averages over the N state entries instead of summing',
      explanation: 'y_t[d] = Σ_n C_t[n]·h_t[d, n] is a dot product over the state axis: sum, not mean.',
      diagnostic: 'mismatch',
    },
  ],
});
