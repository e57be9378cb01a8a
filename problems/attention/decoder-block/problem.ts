import { defineProblem, type CaseSpec } from '../../../src/judge/problem';
import { shapeOf, tensorOf } from '../../../src/judge/contract';
import { tensorSpec, type TensorSpec } from '../../../src/judge/inputs';
import type { Rng } from '../../../src/judge/rng';
import { decoderBlock } from './reference';

function plus(spec: TensorSpec, c: number): TensorSpec {
  return { ...spec, data: Float32Array.from(spec.data, (v) => v + c) };
}

interface WeightOptions {
  /** Spread of the FFN pre-activations (w1 scale). */
  w1Scale?: number;
  /** Mean of b1: a large negative value puts the FFN in GELU's negative tail. */
  b1Mean?: number;
  /** Multiplier of w2. */
  w2Scale?: number;
  /** Multiplier of wo: a large value makes the attention branch (and LN1's precision) visible next to a large x. */
  woScale?: number;
}

function weights(rng: Rng, dModel: number, dFF: number, o: WeightOptions = {}) {
  const proj = () => rng.normal([dModel, dModel], 1 / Math.sqrt(dModel));
  return {
    ln1Gamma: plus(rng.normal([dModel], 0.2), 1),
    ln1Beta: rng.normal([dModel], 0.2),
    wq: proj(),
    wk: proj(),
    wv: proj(),
    wo: rng.normal([dModel, dModel], (o.woScale ?? 1) / Math.sqrt(dModel)),
    ln2Gamma: plus(rng.normal([dModel], 0.2), 1),
    ln2Beta: rng.normal([dModel], 0.2),
    w1: rng.normal([dModel, dFF], (o.w1Scale ?? 1) / Math.sqrt(dModel)),
    b1: plus(rng.normal([dFF], 0.5), o.b1Mean ?? 0),
    w2: rng.normal([dFF, dModel], (o.w2Scale ?? 1) / Math.sqrt(dFF)),
    b2: rng.normal([dModel], 0.2),
  };
}

function block(rng: Rng, b: number, t: number, dModel: number, nHeads: number, dFF: number, xScale = 1, xShift = 0, o: WeightOptions = {}) {
  return [plus(rng.normal([b, t, dModel], xScale), xShift), weights(rng, dModel, dFF, o), nHeads];
}

/** Asserts the promise of the offset case: every token's features have mean 1000 ± 5 and spread (std) 0.2–5. */
function largeOffset(args: (TensorSpec | Record<string, TensorSpec> | number)[]) {
  const x = args[0] as TensorSpec;
  const d = x.shape[2];
  for (let r = 0; r < x.data.length / d; r++) {
    const row = Array.from(x.data.slice(r * d, (r + 1) * d));
    const mean = row.reduce((a, v) => a + v, 0) / d;
    const std = Math.sqrt(row.reduce((a, v) => a + (v - mean) ** 2, 0) / d);
    if (!(Math.abs(mean - 1000) < 5 && std > 0.2 && std < 5)) throw new Error(`case generator: token ${r} has mean ${mean}, std ${std}`);
  }
  return args;
}

function identityWeights() {
  const eye = tensorSpec([1, 0, 0, 1], [2, 2]);
  const ones = tensorSpec([1, 1], [2]);
  const zeros = tensorSpec([0, 0], [2]);
  return { ln1Gamma: ones, ln1Beta: zeros, wq: eye, wk: eye, wv: eye, wo: eye, ln2Gamma: ones, ln2Beta: zeros, w1: eye, b1: zeros, w2: eye, b2: zeros };
}

function cases(rng: Rng): CaseSpec[] {
  const list: CaseSpec[] = [
    { name: 'example 1: one token, identity weights', public: true, args: [tensorSpec([1, 3], [1, 1, 2]), identityWeights(), 1] },
    { name: 'example 2: two tokens, identity weights', public: true, args: [tensorSpec([1, 3, 2, 0], [1, 2, 2]), identityWeights(), 1] },
    { name: 'example 3: batch 2, t = 4, 2 heads', public: true, args: block(rng, 2, 4, 8, 2, 16) },
    { name: 'hidden: batch 1, 4 heads', public: false, args: block(rng, 1, 5, 8, 4, 32) },
    { name: 'hidden: t = 1', public: false, args: block(rng, 3, 1, 8, 2, 16) },
    { name: 'hidden: one head', public: false, args: block(rng, 2, 4, 6, 1, 12) },
    { name: 'hidden: head size 1 (nHeads = dModel)', public: false, args: block(rng, 2, 3, 4, 4, 8) },
    { name: 'hidden: GELU negative tail (tanh approximation checked)', public: false, args: block(rng, 2, 4, 8, 2, 32, 1, 0, { w1Scale: 0.3, b1Mean: -3, w2Scale: 30 }) },
    { name: 'hidden: wide GELU inputs', public: false, args: block(rng, 2, 5, 8, 2, 32, 1, 0, { w1Scale: 3, w2Scale: 2 }) },
    { name: 'hidden: inputs with a large offset', public: false, args: block(rng, 2, 4, 8, 2, 16, 1, 20) },
    { name: 'hidden: large-magnitude inputs', public: false, args: block(rng, 1, 6, 8, 2, 16, 50) },
    // x ≈ 1000 ± 1: a one-pass E[z²] − E[z]² variance loses all precision in float32. wo is scaled
    // up so LN1's error is not lost in the comparison's relative tolerance on outputs near 1000.
    { name: 'hidden: offset 1000, unit spread', public: false, args: largeOffset(block(rng, 2, 4, 16, 2, 16, 1, 1000, { woScale: 100 })) },
    { name: 'hidden: dFF ≠ 4·dModel, longer sequence', public: false, args: block(rng, 1, 9, 12, 3, 20) },
  ];
  for (let i = 0; i < 3; i++) {
    const nHeads = rng.int(1, 3);
    const dModel = nHeads * rng.int(1, 4);
    list.push({ name: `hidden: random shapes ${i + 1}`, public: false, args: block(rng, rng.int(1, 3), rng.int(2, 6), dModel, nHeads, rng.int(2, 24)) });
  }
  return list;
}

export default defineProblem({
  id: 'attention/decoder-block',
  entry: 'decoderBlock',
  argNames: ['x', 'weights', 'nHeads'],
  reference: decoderBlock,
  // [b, t, dModel] float32: x's shape.
  output: tensorOf('float32', (args) => shapeOf(args, 0)),
  cases,
  mistakes: [
    {
      id: 'post-ln',
      title: 'post-LN instead of pre-LN',
      explanation:
        'Pre-LN normalizes the input of each sublayer and leaves the residual stream untouched: h = x + attn(LN1(x)), out = h + ffn(LN2(h)). Normalizing after the residual add (LN(x + attn(x))) is the original post-LN Transformer.',
      diagnostic: 'mismatch',
    },
    {
      id: 'missing-attention-residual',
      title: 'attention residual missing',
      explanation: 'The attention output is added to x (h = x + attn(LN1(x))), not used in place of it.',
      diagnostic: 'mismatch',
    },
    {
      id: 'ffn-residual-from-input',
      title: 'second residual adds the block input instead of h',
      explanation: 'The FFN residual is around h = x + attn(…): out = h + ffn(LN2(h)). Adding x drops the attention update.',
      diagnostic: 'mismatch',
    },
    {
      id: 'relu-instead-of-gelu',
      title: 'ReLU instead of GELU',
      explanation: 'The FFN activation is GELU (tanh approximation): 0.5·x·(1 + tanh(√(2/π)·(x + 0.044715·x³))). ReLU zeroes negative inputs, which GELU does not.',
      diagnostic: 'mismatch',
    },
    {
      id: 'exact-erf-gelu',
      title: 'exact (erf) GELU instead of the tanh approximation',
      explanation:
        'This block uses the tanh approximation (GPT-2 style), as stated. x·Φ(x) with erf is close for moderate inputs but differs noticeably in the negative tail; use 0.5·x·(1 + tanh(√(2/π)·(x + 0.044715·x³))).',
      diagnostic: 'mismatch',
    },
    {
      id: 'non-causal-attention',
      title: 'attention not causal',
      explanation: 'A decoder block masks the scores so token i attends only to tokens 0..i. Apply a lower-triangular mask before the softmax.',
      diagnostic: 'mismatch',
    },
    {
      id: 'scaled-by-sqrt-dmodel',
      title: 'scores scaled by √dModel instead of √dHead',
      explanation: 'Each head is a dot product of dHead = dModel / nHeads features: divide its scores by Math.sqrt(dHead), not by the model width.',
      diagnostic: 'mismatch',
    },
    {
      id: 'interleaved-heads',
      title: 'heads take interleaved features (feature % nHeads) instead of contiguous blocks',
      explanation: 'Feature f belongs to head ⌊f / dHead⌋: reshape the feature axis as [nHeads, dHead], not [dHead, nHeads], and merge back in the same order.',
      diagnostic: 'mismatch',
    },
    {
      id: 'interleaved-heads-split-only',
      title: 'heads split with interleaved features (feature % nHeads) but merged back as contiguous blocks',
      explanation:
        'Head h owns features h·dHead … (h+1)·dHead − 1. Splitting with [dHead, nHeads] (feature f to head f % nHeads) gives the heads the wrong features, and merging back as contiguous blocks then also scrambles their order before wo. Split as [b, t, nHeads, dHead] → transpose([0, 2, 1, 3]), and undo exactly that when merging.',
      diagnostic: 'mismatch',
    },
    {
      id: 'interleaved-heads-merge-only',
      title: 'heads merged back interleaved (feature f from head f % nHeads) after a contiguous split',
      explanation:
        'The merge must undo the split: transpose [b, nHeads, t, dHead] back to [b, t, nHeads, dHead] and reshape to [b, t, dModel], so head h fills features h·dHead … (h+1)·dHead − 1. Transposing to [b, t, dHead, nHeads] deals the heads out round-robin and feeds wo the features in the wrong order.',
      diagnostic: 'mismatch',
    },
    {
      id: 'unbiased-variance',
      title: 'LayerNorm with the unbiased variance (divided by d − 1)',
      explanation: 'LayerNorm uses the population variance: the mean of (z − μ)² over the d features (tf.moments), not the sum divided by d − 1.',
      diagnostic: 'mismatch',
    },
    {
      id: 'one-pass-variance',
      title: 'LayerNorm variance computed as E[z²] − E[z]²',
      explanation: 'In float32 this one-pass formula cancels catastrophically when the mean is large compared with the spread (inputs near 1000). Subtract the mean first, then average the squares (tf.moments does).',
      diagnostic: 'mismatch',
    },
    {
      id: 'heads-split-without-transpose',
      title: 'heads split by reshape alone, without a transpose',
      explanation:
        'Reshape [b, t, dModel] to [b, t, nHeads, dHead] and transpose to [b, nHeads, t, dHead]; reshaping straight to [b, nHeads, t, dHead] mixes time steps and features. Undo it the same way (transpose back, then reshape) before wo.',
      diagnostic: 'mismatch',
    },
    {
      id: 'ln2-uses-ln1-params',
      title: 'second LayerNorm uses ln1Gamma and ln1Beta',
      explanation: 'Each LayerNorm has its own scale and shift: LN₂ must use ln2Gamma and ln2Beta.',
      diagnostic: 'mismatch',
    },
    {
      id: 'attention-residual-from-normalized',
      title: 'attention output added to LN₁(x) instead of to x',
      explanation: 'In a pre-LN block the normalized copy only feeds the sublayer; the residual stream stays raw: h = x + MHA(LN₁(x)).',
      diagnostic: 'mismatch',
    },
    {
      id: 'ffn-residual-from-normalized',
      title: 'FFN output added to LN₂(h) instead of to h',
      explanation: 'The second residual adds the FFN output to the raw stream: out = h + FFN(LN₂(h)), not LN₂(h) + FFN(LN₂(h)).',
      diagnostic: 'mismatch',
    },
    {
      id: 'missing-ffn-residual',
      title: 'FFN residual missing (returns the FFN output alone)',
      explanation: 'The block returns h + FFN(LN₂(h)); without adding h back the attention result and the input are lost.',
      diagnostic: 'mismatch',
    },
    {
      id: 'sigmoid-gelu',
      title: 'sigmoid GELU approximation x·σ(1.702x) instead of the tanh form',
      explanation: 'The statement asks for the tanh approximation ½u(1 + tanh(√(2/π)(u + 0.044715u³))); the sigmoid version differs by up to a few percent.',
      diagnostic: 'mismatch',
    },
    {
      id: 'causal-mask-upper-triangle',
      title: 'causal mask keeps the upper triangle (future tokens) instead of the lower',
      explanation: 'Token i may attend tokens 0..i: keep the lower triangle, bandPart(ones, -1, 0). bandPart(ones, 0, -1) lets it see i..t−1 instead.',
      diagnostic: 'mismatch',
    },
    {
      id: 'missing-scale',
      title: 'attention scores not scaled by √dHead',
      explanation: 'Divide Q_h·K_hᵀ by √dHead before the mask and the softmax.',
      diagnostic: 'mismatch',
    },
    {
      id: 'ffn-biases-missing',
      title: 'FFN biases b1 and b2 not added',
      explanation: 'The FFN is GELU(z·W₁ + b₁)·W₂ + b₂; both biases are part of it.',
      diagnostic: 'mismatch',
    },
    {
      id: 'heads-merged-without-transpose',
      title: 'heads merged by a bare reshape, without moving the head axis back',
      explanation: 'The per-head outputs are [b, nHeads, t, dHead]; transpose to [b, t, nHeads, dHead] before reshaping to [b, t, dModel], or positions and heads get mixed.',
      diagnostic: 'mismatch',
    },
    {
      id: 'missing-output-projection',
      title: 'attention output projection Wo skipped',
      explanation: 'After concatenating the heads, multiply by W_o before adding the result to the residual stream.',
      diagnostic: 'mismatch',
    },
    {
      id: 'gelu-constant-not-square-rooted',
      title: 'GELU uses 2/π instead of √(2/π) inside the tanh',
      explanation: 'The tanh approximation is ½u(1 + tanh(√(2/π)(u + 0.044715u³))); the factor is the square root of 2/π (≈ 0.798), not 2/π itself (≈ 0.637).',
      diagnostic: 'mismatch',
    },
    {
      id: 'ln2-applied-to-input',
      title: 'second LayerNorm applied to the input x instead of h = x + attention',
      explanation: 'The FFN sub-layer reads the updated residual stream: FFN(LN₂(h)) with h = x + Attn(LN₁(x)). Normalising x makes the FFN ignore the attention output.',
      diagnostic: 'mismatch',
    },
    {
      id: 'gelu-missing-half',
      title: 'GELU missing the factor ½ (u·(1 + tanh(…)))',
      explanation: 'GELU(u) ≈ ½u(1 + tanh(√(2/π)(u + 0.044715u³))); without the ½ every FFN activation is doubled.',
      diagnostic: 'mismatch',
    },
    {
      id: 'gelu-cubic-term-missing',
      title: 'GELU without the 0.044715·u³ term',
      explanation: 'The tanh approximation\'s argument is √(2/π)(u + 0.044715u³); dropping the cubic term gives a visibly different curve for |u| ≳ 1.',
      diagnostic: 'mismatch',
    },
    {
      id: 'ln-gamma-beta-swapped',
      title: 'LayerNorm gamma and beta swapped',
      explanation: 'LayerNorm scales the normalised values by gamma and then adds beta: ẑ·γ + β, not ẑ·β + γ.',
      diagnostic: 'mismatch',
    },
    {
      id: 'masked-scores-zeroed',
      title: 'future scores set to 0 instead of −∞ before the softmax',
      explanation: 'A score of 0 still gets weight e⁰ in the softmax, so future tokens leak in; masked scores must be −∞ (or a large negative number) so their weight is 0.',
      diagnostic: 'mismatch',
    },
    {
      id: 'eps-outside-sqrt',
      title: 'LayerNorm eps added outside the square root',
      explanation: 'LayerNorm divides by √(σ² + ε); adding ε to σ instead changes the result when the variance is small.',
      diagnostic: 'mismatch',
    },
    {
      id: 'softmax-over-query-axis',
      title: 'attention softmax taken over the query axis',
      explanation: 'Each query\'s row of scores (the last axis, over keys) must sum to 1; normalising each key\'s column over the queries mixes different queries.',
      diagnostic: 'mismatch',
    },
  ],
});
