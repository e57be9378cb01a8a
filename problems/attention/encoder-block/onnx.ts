import { GraphBuilder, type Value } from '../../../src/onnx/GraphBuilder';
import { scaledDotProduct } from '../../../src/onnx/attention';
import { defineOnnxReference, shapeKey, singleOutput } from '../../../src/onnx/formulation';
import type { TensorSpec } from '../../../src/judge/inputs';
import type { ArgSpec } from '../../../src/judge/problem';

const WEIGHTS = ['wq', 'wk', 'wv', 'wo', 'ln1Gamma', 'ln1Beta', 'w1', 'b1', 'w2', 'b2', 'ln2Gamma', 'ln2Beta'] as const;
type Weights = Record<(typeof WEIGHTS)[number], TensorSpec>;

/** Post-LN encoder block with ONNX's own LayerNormalization and a key-padding mask: the second reference. */
export default defineOnnxReference({
  forCase(args: ArgSpec[]) {
    const [x, padMask, weights, nHeads] = args as [TensorSpec, TensorSpec, Weights, number];
    // The mask travels as float 0/1 (1 = padding) and is turned into booleans inside the graph.
    const feeds: Record<string, TensorSpec> = { x, pad: { ...padMask, dtype: 'float32', data: Float32Array.from(padMask.data) } };
    for (const name of WEIGHTS) feeds[name] = weights[name];
    return {
      key: shapeKey(feeds, `encoder:${nHeads}`),
      feeds,
      assemble: singleOutput,
      model: () => {
        const g = new GraphBuilder();
        const [b, t, dModel] = x.shape;
        const dHead = dModel / nHeads;
        const w = Object.fromEntries(WEIGHTS.map((name) => [name, g.input(name, weights[name].shape)])) as Record<(typeof WEIGHTS)[number], Value>;
        const xv = g.input('x', x.shape);
        const pad = g.input('pad', padMask.shape);
        const heads = (y: Value) => g.transpose(g.reshape(y, [b, t, nHeads, dHead]), [0, 2, 1, 3]);
        // Keys allowed where pad = 0: [b, 1, 1, t] broadcasts over heads and queries.
        const allowed = g.cast(g.reshape(g.sub(g.scalar(1), pad), [b, 1, 1, t]), 'bool');
        const context = scaledDotProduct(g, heads(g.matMul(xv, w.wq)), heads(g.matMul(xv, w.wk)), heads(g.matMul(xv, w.wv)), 4, dHead, allowed);
        const attended = g.matMul(g.reshape(g.transpose(context, [0, 2, 1, 3]), [b, t, dModel]), w.wo);
        const h = g.layerNormalization(g.add(xv, attended), w.ln1Gamma, w.ln1Beta, 1e-5);
        const hidden = g.node('Relu', [g.add(g.matMul(h, w.w1), w.b1)]);
        const out = g.layerNormalization(g.add(h, g.add(g.matMul(hidden, w.w2), w.b2)), w.ln2Gamma, w.ln2Beta, 1e-5);
        const padRow = g.cast(g.reshape(pad, [b, t, 1]), 'bool');
        g.output(g.where(padRow, g.scalar(0), out), 'out', [b, t, dModel]);
        return g.build('encoder-block');
      },
    };
  },
});
