import { GraphBuilder, type Value } from '../../../src/onnx/GraphBuilder';
import { bandMask, scaledDotProduct } from '../../../src/onnx/attention';
import { defineOnnxReference, shapeKey, singleOutput } from '../../../src/onnx/formulation';
import type { TensorSpec } from '../../../src/judge/inputs';
import type { ArgSpec } from '../../../src/judge/problem';

const BLOCK = ['ln1Gamma', 'ln1Beta', 'wq', 'wk', 'wv', 'wo', 'ln2Gamma', 'ln2Beta', 'w1', 'b1', 'w2', 'b2'] as const;
type Block = Record<(typeof BLOCK)[number], TensorSpec>;
interface Weights {
  wte: TensorSpec;
  wpe: TensorSpec;
  blocks: Block[];
  lnFGamma: TensorSpec;
  lnFBeta: TensorSpec;
}

/** GPT forward pass with ONNX Gather, LayerNormalization and a tied head: the second reference. */
export default defineOnnxReference({
  forCase(args: ArgSpec[]) {
    const [tokens, weights, nHeads] = args as unknown as [TensorSpec, Weights, number];
    const feeds: Record<string, TensorSpec> = { tokens, wte: weights.wte, wpe: weights.wpe, lnFGamma: weights.lnFGamma, lnFBeta: weights.lnFBeta };
    weights.blocks.forEach((block, i) => BLOCK.forEach((name) => (feeds[`b${i}_${name}`] = block[name])));
    return {
      key: shapeKey(feeds, `gpt:${nHeads}`),
      feeds,
      assemble: singleOutput,
      model: () => {
        const g = new GraphBuilder();
        const [b, t] = tokens.shape;
        const [vocab, dModel] = weights.wte.shape;
        const dHead = dModel / nHeads;
        const wte = g.input('wte', weights.wte.shape);
        // Token embeddings by Gather; position embeddings by Gather of the rows 0 .. t − 1.
        const tokenEmb = g.node('Gather', [wte, g.input('tokens', tokens.shape, 'int32')], { axis: 0 });
        const posEmb = g.node('Gather', [g.input('wpe', weights.wpe.shape), g.constant([...Array(t).keys()], [t], 'int64')], { axis: 0 });
        let x = g.add(tokenEmb, posEmb);
        const heads = (y: Value) => g.transpose(g.reshape(y, [b, t, nHeads, dHead]), [0, 2, 1, 3]);
        weights.blocks.forEach((block, i) => {
          const w = Object.fromEntries(BLOCK.map((name) => [name, g.input(`b${i}_${name}`, block[name].shape)])) as Record<(typeof BLOCK)[number], Value>;
          const ln1 = g.layerNormalization(x, w.ln1Gamma, w.ln1Beta, 1e-5);
          const context = scaledDotProduct(g, heads(g.matMul(ln1, w.wq)), heads(g.matMul(ln1, w.wk)), heads(g.matMul(ln1, w.wv)), 4, dHead, bandMask(g, t, t));
          const h = g.add(x, g.matMul(g.reshape(g.transpose(context, [0, 2, 1, 3]), [b, t, dModel]), w.wo));
          const pre = g.add(g.matMul(g.layerNormalization(h, w.ln2Gamma, w.ln2Beta, 1e-5), w.w1), w.b1);
          // GELU, tanh approximation: 0.5·u·(1 + tanh(√(2/π)·(u + 0.044715·u³))).
          const inner = g.mul(g.add(pre, g.mul(g.mul(g.mul(pre, pre), pre), g.scalar(0.044715))), g.scalar(Math.sqrt(2 / Math.PI)));
          const gelu = g.mul(g.mul(pre, g.scalar(0.5)), g.add(g.node('Tanh', [inner]), g.scalar(1)));
          x = g.add(h, g.add(g.matMul(gelu, w.w2), w.b2));
        });
        const final = g.layerNormalization(x, g.input('lnFGamma', [dModel]), g.input('lnFBeta', [dModel]), 1e-5);
        g.output(g.matMul(final, g.transpose(wte, [1, 0])), 'out', [b, t, vocab]);
        return g.build('gpt-forward');
      },
    };
  },
});
