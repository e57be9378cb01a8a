import { defineProblem, type CaseSpec } from '../../../src/judge/problem';
import { shapeOf, tensorOf } from '../../../src/judge/contract';
import { tensorSpec, type TensorSpec } from '../../../src/judge/inputs';
import type { Rng } from '../../../src/judge/rng';
import { encoderBlock } from './reference';

function plus(spec: TensorSpec, c: number): TensorSpec {
  return { ...spec, data: Float32Array.from(spec.data, (v) => v + c) };
}

/** woScale multiplies wo: a tiny value keeps LN₁'s input at x's offset and spread (the 1000 ± 1 case). */
function weights(rng: Rng, dModel: number, dFF: number, woScale = 1) {
  const proj = () => rng.normal([dModel, dModel], 1 / Math.sqrt(dModel));
  return {
    wq: proj(),
    wk: proj(),
    wv: proj(),
    wo: rng.normal([dModel, dModel], woScale / Math.sqrt(dModel)),
    ln1Gamma: plus(rng.normal([dModel], 0.2), 1),
    ln1Beta: rng.normal([dModel], 0.2),
    w1: rng.normal([dModel, dFF], 1 / Math.sqrt(dModel)),
    b1: rng.normal([dFF], 0.5),
    w2: rng.normal([dFF, dModel], 1 / Math.sqrt(dFF)),
    b2: rng.normal([dModel], 0.2),
    ln2Gamma: plus(rng.normal([dModel], 0.2), 1),
    ln2Beta: rng.normal([dModel], 0.2),
  };
}

/** Padding mask [b, t] from per-sequence rows of 0/1 (1 = padding). */
function mask(rows: number[][]): TensorSpec {
  return tensorSpec(rows.flat(), [rows.length, rows[0].length], 'bool');
}

/** Right padding: sequence s has lengths[s] real tokens, then padding. */
function rightPadded(lengths: number[], t: number): TensorSpec {
  return mask(lengths.map((n) => Array.from({ length: t }, (_, j) => (j < n ? 0 : 1))));
}

/** Left padding: sequence s starts with t − lengths[s] padding tokens. */
function leftPadded(lengths: number[], t: number): TensorSpec {
  return mask(lengths.map((n) => Array.from({ length: t }, (_, j) => (j < t - n ? 1 : 0))));
}

/**
 * x: N(0, xScale²) + xShift; the tokens at padded positions are multiplied by padScale, so that
 * attending to them (or letting them leak anywhere) changes the answer visibly.
 */
function block(rng: Rng, padMask: TensorSpec, dModel: number, nHeads: number, dFF: number, o: { xScale?: number; xShift?: number; padScale?: number; woScale?: number } = {}) {
  const [b, t] = padMask.shape;
  if (dModel % nHeads !== 0) throw new Error(`case generator: nHeads ${nHeads} does not divide dModel ${dModel}`);
  const x = plus(rng.normal([b, t, dModel], o.xScale ?? 1), o.xShift ?? 0);
  for (let r = 0; r < b * t; r++) if (padMask.data[r]) for (let c = 0; c < dModel; c++) x.data[r * dModel + c] *= o.padScale ?? 4;
  return [x, padMask, weights(rng, dModel, dFF, o.woScale), nHeads];
}

/** Asserts the offset case: every real token's features have mean 1000 ± 5 and std 0.2–5. */
function largeOffset(args: (TensorSpec | Record<string, TensorSpec> | number)[]) {
  const [x, padMask] = args as [TensorSpec, TensorSpec];
  const d = x.shape[2];
  for (let r = 0; r < x.data.length / d; r++) {
    if (padMask.data[r]) continue;
    const row = Array.from(x.data.slice(r * d, (r + 1) * d));
    const mean = row.reduce((a, v) => a + v, 0) / d;
    const std = Math.sqrt(row.reduce((a, v) => a + (v - mean) ** 2, 0) / d);
    if (!(Math.abs(mean - 1000) < 5 && std > 0.2 && std < 5)) throw new Error(`case generator: token ${r} has mean ${mean}, std ${std}`);
  }
  return args;
}

function identityWeights() {
  const eye = tensorSpec([1, 0, 0, 0, 1, 0, 0, 0, 1], [3, 3]);
  const ones = tensorSpec([1, 1, 1], [3]);
  const zeros = tensorSpec([0, 0, 0], [3]);
  return { wq: eye, wk: eye, wv: eye, wo: eye, ln1Gamma: ones, ln1Beta: zeros, w1: eye, b1: zeros, w2: eye, b2: zeros, ln2Gamma: ones, ln2Beta: zeros };
}

function cases(rng: Rng): CaseSpec[] {
  const list: CaseSpec[] = [
    {
      name: 'example 1: one sequence, last token padded, identity weights',
      public: true,
      args: [tensorSpec([1, 0, 2, 0, 3, 0, 9, 9, 9], [1, 3, 3]), mask([[0, 0, 1]]), identityWeights(), 1],
    },
    {
      name: 'example 2: left padding, and a sequence that is all padding',
      public: true,
      args: [tensorSpec([9, 9, 9, 1, 0, 2, 0, 3, 0, 5, 5, 5, 7, 7, 7, 1, 2, 3], [2, 3, 3]), mask([[1, 0, 0], [1, 1, 1]]), identityWeights(), 1],
    },
    { name: 'example 3: batch 2, 2 heads, right padding', public: true, args: block(rng, rightPadded([5, 3], 5), 8, 2, 16) },
    { name: 'hidden: batch 1, no padding, 4 heads', public: false, args: block(rng, rightPadded([6], 6), 8, 4, 32) },
    { name: 'hidden: right padding of different lengths, 4 heads', public: false, args: block(rng, rightPadded([7, 2, 5], 7), 8, 4, 24) },
    { name: 'hidden: left padding', public: false, args: block(rng, leftPadded([3, 6], 6), 8, 2, 16) },
    { name: 'hidden: scattered padding positions', public: false, args: block(rng, mask([[0, 1, 0, 1, 0], [1, 0, 0, 0, 1]]), 6, 2, 12) },
    { name: 'hidden: one sequence entirely padding', public: false, args: block(rng, rightPadded([4, 0, 2], 4), 8, 2, 16) },
    { name: 'hidden: padded tokens with huge values (must be ignored)', public: false, args: block(rng, rightPadded([3, 5], 6), 8, 2, 16, { padScale: 300 }) },
    { name: 'hidden: t = 1 (one real token, one padded sequence)', public: false, args: block(rng, rightPadded([1, 0], 1), 8, 2, 16) },
    { name: 'hidden: one head', public: false, args: block(rng, rightPadded([5, 4], 5), 6, 1, 12) },
    { name: 'hidden: head size 1 (nHeads = dModel)', public: false, args: block(rng, rightPadded([4, 2], 4), 4, 4, 8) },
    { name: 'hidden: large-magnitude inputs', public: false, args: block(rng, rightPadded([6, 4], 6), 8, 2, 16, { xScale: 30 }) },
    {
      name: 'hidden: tokens at 1000 ± 1 (LayerNorm precision)',
      public: false,
      args: largeOffset(block(rng, rightPadded([5, 3], 5), 16, 2, 16, { xShift: 1000, padScale: 1, woScale: 0.001 })),
    },
    { name: 'hidden: dFF ≠ 4·dModel, longer sequence', public: false, args: block(rng, rightPadded([9, 7], 9), 12, 3, 20) },
  ];
  for (let i = 0; i < 3; i++) {
    const nHeads = rng.int(1, 3);
    const dModel = nHeads * rng.int(1, 4);
    const b = rng.int(1, 3);
    const t = rng.int(2, 7);
    const lengths = Array.from({ length: b }, (_, s) => (s === 0 ? t : rng.int(1, t)));
    list.push({ name: `hidden: random shapes ${i + 1}`, public: false, args: block(rng, rightPadded(lengths, t), dModel, nHeads, rng.int(2, 24)) });
  }
  return list;
}

export default defineProblem({
  id: 'attention/encoder-block',
  entry: 'encoderBlock',
  argNames: ['x', 'padMask', 'weights', 'nHeads'],
  reference: encoderBlock,
  // [b, t, dModel] float32: x's shape.
  output: tensorOf('float32', (args) => shapeOf(args, 0)),
  cases,
  mistakes: [
    {
      id: 'pre-ln',
      title: 'pre-LN instead of post-LN',
      explanation: 'This is the original (BERT-style) post-LN block: h = LN₁(x + MHA(x)), out = LN₂(h + FFN(h)). Normalizing the sublayer input instead (x + MHA(LN₁(x))) is the pre-LN layout of GPT-2.',
      diagnostic: 'mismatch',
    },
    {
      id: 'gelu-instead-of-relu',
      title: 'GELU instead of ReLU in the feed-forward layer',
      explanation: 'This block uses the original Transformer FFN, max(0, hW₁ + b₁)W₂ + b₂. GELU lets small negative values through.',
      diagnostic: 'mismatch',
    },
    {
      id: 'causal-mask',
      title: 'causal mask applied in an encoder',
      explanation: 'An encoder is bidirectional: every real token attends to every real token, before and after it. Only padded keys are masked.',
      diagnostic: 'mismatch',
    },
    {
      id: 'no-padding-mask',
      title: 'padded keys not masked',
      explanation: 'Real tokens must give padded keys zero weight: set their scores to −∞ (or −1e9) before the softmax, for the key axis (the last axis of the scores).',
      diagnostic: 'mismatch',
    },
    {
      id: 'mask-inverted',
      title: 'padding mask inverted (true treated as a real token)',
      explanation: 'padMask is true at padding. Masking where it is false hides the real tokens and attends only to the padding.',
      diagnostic: 'mismatch',
    },
    {
      id: 'mask-after-softmax',
      title: 'padded keys zeroed after the softmax without renormalizing',
      explanation: 'Zeroing the weights of padded keys after the softmax leaves rows that no longer sum to 1. Mask the scores before the softmax so the remaining weights are renormalized.',
      diagnostic: 'mismatch',
    },
    {
      id: 'padded-rows-not-zeroed',
      title: 'outputs at padded positions not set to 0',
      explanation: 'The statement fixes the output of every padded token to an all-zero row. Select 0 there (tf.where) after the second LayerNorm.',
      diagnostic: 'mismatch',
    },
    {
      id: 'nan-for-all-padding',
      title: 'NaN for a sequence that is all padding (−∞ fill, rows multiplied by the mask)',
      explanation: 'With −∞ for every key the softmax of a fully padded sequence is 0/0 = NaN, and NaN · 0 is still NaN. Select the zero rows with tf.where, or fill masked scores with a large finite number such as −1e9.',
      diagnostic: 'non-finite',
    },
    {
      id: 'ffn-residual-from-input',
      title: 'second residual adds the block input x instead of h',
      explanation: 'The FFN residual wraps its own input: out = LN₂(h + FFN(h)) with h = LN₁(x + MHA(x)).',
      diagnostic: 'mismatch',
    },
    {
      id: 'scaled-by-sqrt-dmodel',
      title: 'scores scaled by √dModel instead of √dHead',
      explanation: 'Each head is a dot product of dHead = dModel / nHeads features: divide by √dHead.',
      diagnostic: 'mismatch',
    },
    {
      id: 'one-pass-variance',
      title: 'LayerNorm variance computed as E[z²] − E[z]²',
      explanation: 'In float32 this cancels catastrophically for tokens near 1000 with a spread of about 1. Subtract the mean first, then average the squares (tf.moments does).',
      diagnostic: 'mismatch',
    },
  ],
});
