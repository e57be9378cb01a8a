import { defineProblem, type CaseSpec } from '../../../src/judge/problem';
import { shapeOf, tensorOf } from '../../../src/judge/contract';
import { tensorSpec, type TensorSpec } from '../../../src/judge/inputs';
import type { Rng } from '../../../src/judge/rng';
import { gptForward } from './reference';

function plus(spec: TensorSpec, c: number): TensorSpec {
  return { ...spec, data: Float32Array.from(spec.data, (v) => v + c) };
}

function blockWeights(rng: Rng, dModel: number, dFF: number) {
  const proj = () => rng.normal([dModel, dModel], 1 / Math.sqrt(dModel));
  return {
    ln1Gamma: plus(rng.normal([dModel], 0.2), 1),
    ln1Beta: rng.normal([dModel], 0.2),
    wq: proj(),
    wk: proj(),
    wv: proj(),
    wo: proj(),
    ln2Gamma: plus(rng.normal([dModel], 0.2), 1),
    ln2Beta: rng.normal([dModel], 0.2),
    w1: rng.normal([dModel, dFF], 1 / Math.sqrt(dModel)),
    b1: rng.normal([dFF], 0.5),
    w2: rng.normal([dFF, dModel], 1 / Math.sqrt(dFF)),
    b2: rng.normal([dModel], 0.2),
  };
}

interface ModelOptions {
  b: number;
  t: number;
  vocab: number;
  dModel: number;
  nHeads: number;
  nLayers: number;
  dFF?: number;
  /** Rows of wpe beyond t (the model's context is longer than this input); at least 1, so a
   * slice of rows 1..t (the 'positions-start-at-one' mistake) stays in bounds on every backend. */
  extraPositions?: number;
  /** Every token of every sequence is this id (positions are then all that tells them apart). */
  sameToken?: number;
}

function model(rng: Rng, o: ModelOptions) {
  if ((o.extraPositions ?? 2) < 1) throw new Error('case generator: wpe must have more than t rows');
  if (o.dModel % o.nHeads !== 0) throw new Error(`case generator: nHeads ${o.nHeads} does not divide dModel ${o.dModel}`);
  const tokens = o.sameToken === undefined ? rng.ints([o.b, o.t], 0, o.vocab - 1) : tensorSpec(new Array(o.b * o.t).fill(o.sameToken), [o.b, o.t], 'int32');
  const weights = {
    wte: rng.normal([o.vocab, o.dModel]),
    wpe: rng.normal([o.t + (o.extraPositions ?? 2), o.dModel], 0.5),
    blocks: Array.from({ length: o.nLayers }, () => blockWeights(rng, o.dModel, o.dFF ?? 4 * o.dModel)),
    lnFGamma: plus(rng.normal([o.dModel], 0.2), 1),
    lnFBeta: rng.normal([o.dModel], 0.2),
  };
  return [tokens, weights, o.nHeads];
}

/** A block whose output projections are zero: both residual branches add nothing, so it is the identity. */
function silentBlock(d: number) {
  const eye = tensorSpec(Array.from({ length: d * d }, (_, i) => (i % (d + 1) === 0 ? 1 : 0)), [d, d]);
  const zeros = tensorSpec(new Array(d * d).fill(0), [d, d]);
  const ones = tensorSpec(new Array(d).fill(1), [d]);
  const zero = tensorSpec(new Array(d).fill(0), [d]);
  return { ln1Gamma: ones, ln1Beta: zero, wq: eye, wk: eye, wv: eye, wo: zeros, ln2Gamma: ones, ln2Beta: zero, w1: eye, b1: zero, w2: zeros, b2: zero };
}

function identityBlock2() {
  const eye = tensorSpec([1, 0, 0, 1], [2, 2]);
  const ones = tensorSpec([1, 1], [2]);
  const zeros = tensorSpec([0, 0], [2]);
  return { ln1Gamma: ones, ln1Beta: zeros, wq: eye, wk: eye, wv: eye, wo: eye, ln2Gamma: ones, ln2Beta: zeros, w1: eye, b1: zeros, w2: eye, b2: zeros };
}

function cases(rng: Rng): CaseSpec[] {
  const list: CaseSpec[] = [
    {
      name: 'example 1: one silent block, embeddings and tied head only',
      public: true,
      args: [
        tensorSpec([2, 0], [1, 2], 'int32'),
        {
          wte: tensorSpec([1, 0, 0, 0, 1, 0, 0, 0, 2], [3, 3]),
          wpe: tensorSpec([0, 0, 0, 0, 1, 0, 5, 5, 5, 5, 5, 5], [4, 3]),
          blocks: [silentBlock(3)],
          lnFGamma: tensorSpec([1, 1, 1], [3]),
          lnFBeta: tensorSpec([0, 0, 0], [3]),
        },
        1,
      ],
    },
    {
      name: 'example 2: one identity block, two tokens',
      public: true,
      args: [
        tensorSpec([0, 1], [1, 2], 'int32'),
        {
          wte: tensorSpec([1, 0, 0, 1, 1, 1], [3, 2]),
          wpe: tensorSpec([0, 3, 2, -1, 7, 7], [3, 2]),
          blocks: [identityBlock2()],
          lnFGamma: tensorSpec([2, 1], [2]),
          lnFBeta: tensorSpec([0, 0.5], [2]),
        },
        1,
      ],
    },
    { name: 'example 3: batch 2, t = 5, 2 layers, 2 heads', public: true, args: model(rng, { b: 2, t: 5, vocab: 13, dModel: 8, nHeads: 2, nLayers: 2 }) },
    { name: 'hidden: batch 1, one layer', public: false, args: model(rng, { b: 1, t: 6, vocab: 11, dModel: 8, nHeads: 2, nLayers: 1 }) },
    { name: 'hidden: 3 layers, 4 heads', public: false, args: model(rng, { b: 2, t: 5, vocab: 17, dModel: 8, nHeads: 4, nLayers: 3 }) },
    { name: 'hidden: t = 1 (a single token)', public: false, args: model(rng, { b: 3, t: 1, vocab: 9, dModel: 6, nHeads: 2, nLayers: 2 }) },
    { name: 'hidden: one head', public: false, args: model(rng, { b: 2, t: 4, vocab: 10, dModel: 6, nHeads: 1, nLayers: 2 }) },
    { name: 'hidden: head size 1 (nHeads = dModel)', public: false, args: model(rng, { b: 1, t: 4, vocab: 7, dModel: 4, nHeads: 4, nLayers: 2 }) },
    { name: 'hidden: the same token at every position', public: false, args: model(rng, { b: 2, t: 6, vocab: 12, dModel: 8, nHeads: 2, nLayers: 2, sameToken: 5 }) },
    { name: 'hidden: context window much longer than t', public: false, args: model(rng, { b: 2, t: 3, vocab: 10, dModel: 8, nHeads: 2, nLayers: 2, extraPositions: 20 }) },
    { name: 'hidden: wpe one row longer than t', public: false, args: model(rng, { b: 2, t: 5, vocab: 10, dModel: 8, nHeads: 2, nLayers: 2, extraPositions: 1 }) },
    { name: 'hidden: vocabulary of 64, dFF ≠ 4·dModel', public: false, args: model(rng, { b: 1, t: 7, vocab: 64, dModel: 12, nHeads: 3, nLayers: 2, dFF: 20 }) },
    { name: 'hidden: 4 layers, longer sequence', public: false, args: model(rng, { b: 1, t: 10, vocab: 16, dModel: 8, nHeads: 2, nLayers: 4 }) },
  ];
  for (let i = 0; i < 3; i++) {
    const nHeads = rng.int(1, 3);
    const dModel = nHeads * rng.int(1, 4);
    list.push({
      name: `hidden: random shapes ${i + 1}`,
      public: false,
      args: model(rng, { b: rng.int(1, 3), t: rng.int(1, 6), vocab: rng.int(5, 20), dModel, nHeads, nLayers: rng.int(1, 3), dFF: rng.int(2, 24), extraPositions: rng.int(1, 4) }),
    });
  }
  return list;
}

export default defineProblem({
  id: 'attention/gpt-forward',
  entry: 'gptForward',
  argNames: ['tokens', 'weights', 'nHeads'],
  reference: gptForward,
  // [b, t, vocab] float32: tokens' shape plus the vocabulary size (rows of wte).
  output: tensorOf('float32', (args) => {
    const wte = (args[1] as unknown as { wte: TensorSpec }).wte;
    return [...shapeOf(args, 0), wte.shape[0]];
  }),
  cases,
  mistakes: [
    {
      id: 'no-position-embeddings',
      title: 'position embeddings not added',
      explanation: 'The input to the first block is wte[token] + wpe[position]. Without wpe the model cannot tell positions apart except through the causal mask.',
      diagnostic: 'mismatch',
    },
    {
      id: 'positions-start-at-one',
      title: 'position embeddings taken from rows 1..t instead of 0..t − 1',
      explanation: 'The first token is at position 0, so token j adds wpe[j]: slice rows 0 .. t − 1.',
      diagnostic: 'mismatch',
    },
    {
      id: 'embeddings-scaled-by-sqrt-dmodel',
      title: 'token embeddings multiplied by √dModel',
      explanation: 'The original Transformer scales its embeddings by √dModel; a GPT with learned position embeddings does not. The input is wte[token] + wpe[position], unscaled.',
      diagnostic: 'mismatch',
    },
    {
      id: 'missing-final-layernorm',
      title: 'final LayerNorm skipped before the LM head',
      explanation: 'Pre-LN blocks leave the residual stream unnormalized, so GPT applies one more LayerNorm (lnFGamma, lnFBeta) after the last block, before the LM head.',
      diagnostic: 'mismatch',
    },
    {
      id: 'first-block-repeated',
      title: 'every layer uses the first block\'s weights',
      explanation: 'Layer i must use weights.blocks[i]; iterate over the array instead of reusing blocks[0] N times.',
      diagnostic: 'mismatch',
    },
    {
      id: 'blocks-in-reverse-order',
      title: 'blocks applied from last to first',
      explanation: 'weights.blocks[0] is the layer next to the embeddings: apply the blocks in array order.',
      diagnostic: 'mismatch',
    },
    {
      id: 'softmax-on-logits',
      title: 'softmax applied to the logits',
      explanation: 'The function returns logits, the raw scores x·wteᵀ; the softmax belongs to the loss or the sampler.',
      diagnostic: 'mismatch',
    },
    {
      id: 'post-ln-blocks',
      title: 'post-LN blocks instead of pre-LN',
      explanation: 'GPT-2 blocks normalize the sublayer input: h = x + attn(LN1(x)), out = h + FFN(LN2(h)). LN(x + attn(x)) is the original post-LN layout.',
      diagnostic: 'mismatch',
    },
    {
      id: 'non-causal-attention',
      title: 'attention not causal',
      explanation: 'A language model predicts token t + 1 from tokens 0..t: mask the scores so position i attends only to positions 0..i.',
      diagnostic: 'mismatch',
    },
    {
      id: 'relu-instead-of-gelu',
      title: 'ReLU instead of GELU in the blocks',
      explanation: 'GPT blocks use GELU (tanh approximation), 0.5·u·(1 + tanh(√(2/π)(u + 0.044715u³))), which lets small negative values through.',
      diagnostic: 'mismatch',
    },
  ],
});
