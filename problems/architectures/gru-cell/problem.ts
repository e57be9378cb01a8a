import { defineProblem, type ArgSpec, type CaseSpec } from '../../../src/judge/problem';
import { objectOf, shapeOf, tensorOf } from '../../../src/judge/contract';
import { tensorSpec, type TensorSpec } from '../../../src/judge/inputs';
import type { Rng } from '../../../src/judge/rng';
import { gru } from './reference';

interface Options {
  /** Multiplies the weights: 1 keeps pre-activations O(1), larger values saturate the gates. */
  scale?: number;
  /** Zero h0. */
  zeroState?: boolean;
  /** Standard deviation of both biases. */
  biasScale?: number;
}

/** x [B, T, D], h0 [B, H], wx [D, 3H], wh [H, 3H], bx [3H], bh [3H]. */
function random(rng: Rng, B: number, T: number, D: number, H: number, options: Options = {}): ArgSpec[] {
  const { scale = 1, zeroState = false, biasScale = 0.7 } = options;
  const x = rng.normal([B, T, D]);
  const h0 = zeroState ? tensorSpec(new Array(B * H).fill(0), [B, H]) : rng.uniform([B, H], -0.9, 0.9);
  const wx = rng.normal([D, 3 * H], (1.5 * scale) / Math.sqrt(D));
  const wh = rng.normal([H, 3 * H], (1.5 * scale) / Math.sqrt(H));
  return [x, h0, wx, wh, rng.normal([3 * H], biasScale), rng.normal([3 * H], biasScale)];
}

/** Asserts the saturation promise: some first-step hidden or input pre-activation has |value| > 8. */
function saturating(args: ArgSpec[]): ArgSpec[] {
  const [x, h0, wx, wh, bx, bh] = args as TensorSpec[];
  const [B, T, D] = x.shape;
  const H = h0.shape[1];
  let max = 0;
  for (let r = 0; r < B; r++)
    for (let j = 0; j < 3 * H; j++) {
      let gx = bx.data[j];
      let gh = bh.data[j];
      for (let d = 0; d < D; d++) gx += x.data[r * T * D + d] * wx.data[d * 3 * H + j];
      for (let k = 0; k < H; k++) gh += h0.data[r * H + k] * wh.data[k * 3 * H + j];
      max = Math.max(max, Math.abs(gx), Math.abs(gh), Math.abs(gx + gh));
    }
  if (!(max > 8)) throw new Error(`case generator: largest first-step pre-activation is ${max}, not saturating`);
  return args;
}

function cases(rng: Rng): CaseSpec[] {
  const list: CaseSpec[] = [
    {
      name: 'example 1: one sequence of two steps, D = H = 1',
      public: true,
      args: [
        tensorSpec([1, -2], [1, 2, 1]),
        tensorSpec([0.5], [1, 1]),
        tensorSpec([1, -1, 0.5], [1, 3]),
        tensorSpec([2, 1, -1], [1, 3]),
        tensorSpec([0, 0, 0], [3]),
        tensorSpec([0, 0, 1], [3]),
      ],
    },
    {
      name: 'example 2: a single step, batch 2, D = 1, H = 2',
      public: true,
      args: [
        tensorSpec([1, -1], [2, 1, 1]),
        tensorSpec([1, 0, 0, -1], [2, 2]),
        tensorSpec([0, 1, 1, 0, 1, -1], [1, 6]),
        tensorSpec([1, 0, 0, 0, 1, 0, 0, 0, 0, 1, 0, 2], [2, 6]),
        tensorSpec([0, 0, 0, 0, 0, 0], [6]),
        tensorSpec([0, 0, 0, 0, 1, 1], [6]),
      ],
    },
    { name: 'example 3: batch 2, 5 steps, D = 3, H = 4', public: true, args: random(rng, 2, 5, 3, 4) },
    { name: 'hidden: batch 1', public: false, args: random(rng, 1, 6, 4, 3) },
    { name: 'hidden: T = 1 (a single cell step) from a non-zero state', public: false, args: random(rng, 3, 1, 4, 5) },
    { name: 'hidden: zero initial state', public: false, args: random(rng, 2, 4, 3, 3, { zeroState: true }) },
    { name: 'hidden: H = 1', public: false, args: random(rng, 3, 5, 2, 1) },
    { name: 'hidden: D > H', public: false, args: random(rng, 2, 4, 9, 2) },
    { name: 'hidden: H > D', public: false, args: random(rng, 2, 4, 2, 7) },
    { name: 'hidden: large hidden bias bh (reset placement matters most)', public: false, args: random(rng, 2, 5, 3, 4, { biasScale: 2 }) },
    { name: 'hidden: zero biases', public: false, args: random(rng, 2, 4, 3, 3, { biasScale: 0 }) },
    { name: 'hidden: saturated gates (large pre-activations)', public: false, args: saturating(random(rng, 2, 5, 4, 4, { scale: 6 })) },
    { name: 'hidden: long sequence (T = 24)', public: false, args: random(rng, 2, 24, 4, 6) },
    { name: 'hidden: batch 4, realistic widths', public: false, args: random(rng, 4, 10, 16, 12) },
  ];
  for (let i = 0; i < 3; i++) {
    list.push({
      name: `hidden: random shapes ${i + 1}`,
      public: false,
      args: random(rng, rng.int(1, 4), rng.int(1, 9), rng.int(1, 8), rng.int(1, 8)),
    });
  }
  return list;
}

export default defineProblem({
  id: 'architectures/gru-cell',
  entry: 'gru',
  argNames: ['x', 'h0', 'wx', 'wh', 'bx', 'bh'],
  reference: gru,
  // { outputs [B, T, H], h [B, H] }, both float32.
  output: objectOf({
    outputs: tensorOf('float32', (args) => [...shapeOf(args, 0).slice(0, 2), shapeOf(args, 1)[1]]),
    h: tensorOf('float32', (args) => shapeOf(args, 1)),
  }),
  cases,
  mistakes: [
    {
      id: 'reset-before-matmul',
      title: 'reset gate applied to h before the hidden matmul',
      explanation:
        'The original GRU paper (and Keras with reset_after=False) computes (r ⊙ h)·W_hn. This problem uses the PyTorch / cuDNN form: the reset gate multiplies the finished hidden projection, n = tanh(x·W_xn + b_xn + r ⊙ (h·W_hn + b_hn)).',
      diagnostic: 'mismatch',
    },
    {
      id: 'hidden-bias-outside-reset',
      title: 'hidden bias b_hn added outside the reset gate',
      explanation:
        'The reset gate scales the whole hidden projection of the candidate, its bias included: r ⊙ (h·W_hn + b_hn). Folding b_hn together with b_xn (r ⊙ (h·W_hn) + b_hn) is only the same when r = 1.',
      diagnostic: 'mismatch',
    },
    {
      id: 'update-interpolation-swapped',
      title: 'update gate interpolation reversed: z ⊙ n + (1 − z) ⊙ h',
      explanation: 'Here z is the fraction of the OLD state kept: h′ = (1 − z) ⊙ n + z ⊙ h.',
      diagnostic: 'mismatch',
    },
    {
      id: 'gate-order-zrn',
      title: 'gate blocks read in the order z, r, n (Keras) instead of r, z, n',
      explanation: 'The fused matrices and biases hold the blocks r, z, n: columns [0, H) are the reset gate, [H, 2H) the update gate, [2H, 3H) the candidate.',
      diagnostic: 'mismatch',
    },
    {
      id: 'sigmoid-candidate',
      title: 'sigmoid on the candidate n instead of tanh',
      explanation: 'The gates r and z are sigmoids; the candidate is n = tanh(…) so the state can move in both directions.',
      diagnostic: 'mismatch',
    },
    {
      id: 'reset-gate-missing',
      title: 'reset gate never applied to the candidate',
      explanation: 'The candidate uses the reset gate: n = tanh(x·W_xn + b_xn + r ⊙ (h·W_hn + b_hn)). Without r the cell cannot drop its past when computing n.',
      diagnostic: 'mismatch',
    },
    {
      id: 'update-gate-unused',
      title: 'the candidate replaces the state (update gate ignored)',
      explanation: 'The new state interpolates between the candidate and the old state: h′ = (1 − z) ⊙ n + z ⊙ h.',
      diagnostic: 'mismatch',
    },
    {
      id: 'initial-state-ignored',
      title: 'h0 ignored (the loop starts from zeros)',
      explanation: 'The recurrence starts from the given h0, for example the state carried over from a previous chunk. Initialise h with it, not with zeros.',
      diagnostic: 'mismatch',
    },
    {
      id: 'state-not-carried',
      title: 'every step starts again from h0',
      explanation: 'Each step must feed the h it just computed into the next step. Reassign h inside the loop instead of always passing h0.',
      diagnostic: 'mismatch',
    },
    {
      id: 'outputs-time-major',
      title: 'outputs stacked time-major ([T, B, H])',
      explanation: 'The hidden states are returned batch-first like x: stack the per-step [B, H] states along axis 1 to get [B, T, H].',
      diagnostic: 'shape',
    },
  ],
});
