import { GraphBuilder, type Value } from '../../../src/onnx/GraphBuilder';
import { bandMask, scaledDotProduct } from '../../../src/onnx/attention';
import { defineOnnxReference, shapeKey, singleOutput } from '../../../src/onnx/formulation';
import type { TensorSpec } from '../../../src/judge/inputs';
import type { ArgSpec } from '../../../src/judge/problem';

const WEIGHTS = ['ln1Gamma', 'ln1Beta', 'wq', 'wk', 'wv', 'wo', 'ln2Gamma', 'ln2Beta', 'w1', 'b1', 'w2', 'b2'] as const;
type Weights = Record<(typeof WEIGHTS)[number], TensorSpec>;

/** Pre-LN decoder block with ONNX's own LayerNormalization: the second, independent reference. */
export default defineOnnxReference({
  forCase(args: ArgSpec[]) {
    const [x, weights, nHeads] = args as [TensorSpec, Weights, number];
    const feeds: Record<string, TensorSpec> = { x };
    for (const name of WEIGHTS) feeds[name] = weights[name];
    return {
      key: shapeKey(feeds, `decoder:${nHeads}`),
      feeds,
      assemble: singleOutput,
      model: () => {
        const g = new GraphBuilder();
        const [b, t, dModel] = x.shape;
        const dHead = dModel / nHeads;
        const w = Object.fromEntries(WEIGHTS.map((name) => [name, g.input(name, weights[name].shape)])) as Record<(typeof WEIGHTS)[number], Value>;
        const xv = g.input('x', x.shape);
        const heads = (y: Value) => g.transpose(g.reshape(y, [b, t, nHeads, dHead]), [0, 2, 1, 3]);
        const ln1 = g.layerNormalization(xv, w.ln1Gamma, w.ln1Beta, 1e-5);
        const context = scaledDotProduct(g, heads(g.matMul(ln1, w.wq)), heads(g.matMul(ln1, w.wk)), heads(g.matMul(ln1, w.wv)), 4, dHead, bandMask(g, t, t));
        const attended = g.matMul(g.reshape(g.transpose(context, [0, 2, 1, 3]), [b, t, dModel]), w.wo);
        const h = g.add(xv, attended);
        const pre = g.add(g.matMul(g.layerNormalization(h, w.ln2Gamma, w.ln2Beta, 1e-5), w.w1), w.b1);
        // GELU, tanh approximation: 0.5·x·(1 + tanh(√(2/π)·(x + 0.044715·x³))).
        const cube = g.mul(g.mul(pre, pre), pre);
        const inner = g.mul(g.add(pre, g.mul(cube, g.scalar(0.044715))), g.scalar(Math.sqrt(2 / Math.PI)));
        const gelu = g.mul(g.mul(pre, g.scalar(0.5)), g.add(g.node('Tanh', [inner]), g.scalar(1)));
        g.output(g.add(h, g.add(g.matMul(gelu, w.w2), w.b2)), 'out', [b, t, dModel]);
        return g.build('decoder-block');
      },
    };
  },
});
