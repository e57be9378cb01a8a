import { defineProblem, type ArgSpec, type CaseSpec } from '../../../src/judge/problem';
import { objectOf, shapeOf, tensorOf } from '../../../src/judge/contract';
import { tensorSpec, type TensorSpec } from '../../../src/judge/inputs';
import type { Rng } from '../../../src/judge/rng';
import { lstm } from './reference';

interface Options {
  /** Multiplies the weights: 1 keeps pre-activations O(1), larger values saturate the gates. */
  scale?: number;
  /** Zero h0 and c0. */
  zeroState?: boolean;
  /** Standard deviation of c0 (h0 is always in (−1, 1), like a real hidden state). */
  cellScale?: number;
  /** Added to the forget block of b (a trained "remember" bias). */
  forgetBias?: number;
}

/** x [B, T, D], h0 and c0 [B, H], wx [D, 4H], wh [H, 4H], b [4H]. */
function random(rng: Rng, B: number, T: number, D: number, H: number, options: Options = {}): ArgSpec[] {
  const { scale = 1, zeroState = false, cellScale = 1, forgetBias = 0 } = options;
  const x = rng.normal([B, T, D]);
  const h0 = zeroState ? tensorSpec(new Array(B * H).fill(0), [B, H]) : rng.uniform([B, H], -0.9, 0.9);
  const c0 = zeroState ? tensorSpec(new Array(B * H).fill(0), [B, H]) : rng.normal([B, H], cellScale);
  const wx = rng.normal([D, 4 * H], (1.5 * scale) / Math.sqrt(D));
  const wh = rng.normal([H, 4 * H], (1.5 * scale) / Math.sqrt(H));
  const b = rng.normal([4 * H], 0.5);
  for (let j = H; j < 2 * H; j++) b.data[j] += forgetBias;
  return [x, h0, c0, wx, wh, b];
}

/** Asserts the saturation promise: some pre-activation of the first step has |z| > 8. */
function saturating(args: ArgSpec[]): ArgSpec[] {
  const [x, h0, , wx, wh, b] = args as TensorSpec[];
  const [B, T, D] = x.shape;
  const H = h0.shape[1];
  let max = 0;
  for (let r = 0; r < B; r++)
    for (let j = 0; j < 4 * H; j++) {
      let z = b.data[j];
      for (let d = 0; d < D; d++) z += x.data[(r * T + 0) * D + d] * wx.data[d * 4 * H + j];
      for (let k = 0; k < H; k++) z += h0.data[r * H + k] * wh.data[k * 4 * H + j];
      max = Math.max(max, Math.abs(z));
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
        tensorSpec([1, -1], [1, 2, 1]),
        tensorSpec([0], [1, 1]),
        tensorSpec([1], [1, 1]),
        tensorSpec([1, 2, 3, -1], [1, 4]),
        tensorSpec([0.5, -0.5, 1, 1], [1, 4]),
        tensorSpec([0, 1, 0, 0], [4]),
      ],
    },
    {
      name: 'example 2: a single step, batch 2, D = H = 2',
      public: true,
      args: [
        tensorSpec([1, 0, 0, 2], [2, 1, 2]),
        tensorSpec([1, -1, 0, 0], [2, 2]),
        tensorSpec([0.5, -0.5, 2, 0], [2, 2]),
        tensorSpec([1, 0, 0, 1, 2, 0, 0, -1, 0, 1, -1, 0, 0, 1, 1, 0], [2, 8]),
        tensorSpec([0, 0, 1, 0, 0, 0, 0, 1, 0, 0, 0, 1, 1, 0, 0, 0], [2, 8]),
        tensorSpec([0, 0, 1, 1, 0, 0, 0, 0], [8]),
      ],
    },
    { name: 'example 3: batch 2, 5 steps, D = 3, H = 4', public: true, args: random(rng, 2, 5, 3, 4) },
    { name: 'hidden: batch 1', public: false, args: random(rng, 1, 6, 4, 3) },
    { name: 'hidden: T = 1 (a single cell step) from a non-zero state', public: false, args: random(rng, 3, 1, 4, 5) },
    { name: 'hidden: zero initial state', public: false, args: random(rng, 2, 4, 3, 3, { zeroState: true }) },
    { name: 'hidden: H = 1', public: false, args: random(rng, 3, 5, 2, 1) },
    { name: 'hidden: D > H', public: false, args: random(rng, 2, 4, 9, 2) },
    { name: 'hidden: H > D', public: false, args: random(rng, 2, 4, 2, 7) },
    { name: 'hidden: large c0 (tanh(c) differs from c)', public: false, args: random(rng, 2, 3, 3, 4, { cellScale: 3 }) },
    { name: 'hidden: forget bias of +3 already inside b (long memory)', public: false, args: random(rng, 2, 8, 3, 4, { forgetBias: 3 }) },
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
  id: 'architectures/lstm-cell',
  entry: 'lstm',
  argNames: ['x', 'h0', 'c0', 'wx', 'wh', 'b'],
  reference: lstm,
  // { outputs [B, T, H], h [B, H], c [B, H] }, all float32.
  output: objectOf({
    outputs: tensorOf('float32', (args) => [...shapeOf(args, 0).slice(0, 2), shapeOf(args, 1)[1]]),
    h: tensorOf('float32', (args) => shapeOf(args, 1)),
    c: tensorOf('float32', (args) => shapeOf(args, 2)),
  }),
  cases,
  mistakes: [
    {
      id: 'gate-order-igfo',
      title: 'gate blocks read in the order i, g, f, o (TensorFlow 1 BasicLSTMCell) instead of i, f, g, o',
      explanation:
        'The fused matrices hold the four blocks in the order input, forget, cell candidate, output: columns [0, H) are i, [H, 2H) are f, [2H, 3H) are g and [3H, 4H) are o. Reading the second block as g and the third as f swaps the forget gate and the candidate.',
      diagnostic: 'mismatch',
    },
    {
      id: 'gate-order-iofg',
      title: 'gate blocks read in the order i, o, f, g (ONNX LSTM) instead of i, f, g, o',
      explanation:
        'ONNX stores the gates as i, o, f, c; this problem uses the PyTorch order i, f, g, o. Split z into four blocks of H and use them as input gate, forget gate, candidate, output gate in that order.',
      diagnostic: 'mismatch',
    },
    {
      id: 'forget-bias-added',
      title: 'an extra +1 added to the forget gate',
      explanation:
        'Some libraries add a constant forget bias (TensorFlow’s forget_bias = 1.0) inside the cell. Here b is used exactly as given: f = σ(z_f) with z_f taken from xt·wx + h·wh + b and nothing added.',
      diagnostic: 'mismatch',
    },
    {
      id: 'sigmoid-candidate',
      title: 'sigmoid on the cell candidate g instead of tanh',
      explanation: 'The three gates i, f, o are sigmoids, but the candidate g = tanh(z_g) ranges over (−1, 1) so the cell can also decrease.',
      diagnostic: 'mismatch',
    },
    {
      id: 'h-without-tanh',
      title: 'h = o · c (tanh of the cell state missing)',
      explanation: 'The hidden state squashes the new cell state before gating: h = o ⊙ tanh(c), not o ⊙ c.',
      diagnostic: 'mismatch',
    },
    {
      id: 'h-from-old-cell',
      title: 'h computed from the previous cell state',
      explanation: 'Update the cell first, c_t = f ⊙ c_{t−1} + i ⊙ g, then h_t = o ⊙ tanh(c_t) with the new c_t, not with c_{t−1}.',
      diagnostic: 'mismatch',
    },
    {
      id: 'initial-state-ignored',
      title: 'h0 and c0 ignored (the loop starts from zeros)',
      explanation: 'The recurrence starts from the given h0 and c0, for example the state carried over from a previous chunk. Initialise h and c with them, not with zeros.',
      diagnostic: 'mismatch',
    },
    {
      id: 'state-not-carried',
      title: 'every step starts again from h0 and c0',
      explanation: 'Each step must feed the h and c it just computed into the next step. Reassign h and c inside the loop instead of always passing h0 and c0.',
      diagnostic: 'mismatch',
    },
    {
      id: 'outputs-time-major',
      title: 'outputs stacked time-major ([T, B, H])',
      explanation: 'The hidden states are returned batch-first like x: stack the per-step [B, H] states along axis 1 to get [B, T, H].',
      diagnostic: 'shape',
    },
    {
      id: 'input-gate-missing',
      title: 'candidate added to the cell without the input gate',
      explanation: 'The new cell state is c = f ⊙ c_prev + i ⊙ g: the input gate decides how much of the candidate is written.',
      diagnostic: 'mismatch',
    },
  ],
});
