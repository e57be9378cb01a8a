import { GraphBuilder } from '../../../src/onnx/GraphBuilder';
import { defineOnnxReference, shapeKey, singleOutput } from '../../../src/onnx/formulation';
import type { TensorSpec } from '../../../src/judge/inputs';
import type { ArgSpec } from '../../../src/judge/problem';

type Weights = { wq: TensorSpec; wk: TensorSpec; wv: TensorSpec; wo: TensorSpec };

/** Multi-head (optionally causal) attention as an ONNX graph: the second, independent reference. */
export default defineOnnxReference({
  forCase(args: ArgSpec[]) {
    const [x, weights, nHeads, causal] = args as [TensorSpec, Weights, number, boolean];
    const feeds = { x, wq: weights.wq, wk: weights.wk, wv: weights.wv, wo: weights.wo };
    return {
      key: shapeKey(feeds, `mha:${nHeads}:${causal}`),
      feeds,
      assemble: singleOutput,
      model: () => {
        const g = new GraphBuilder();
        const [b, t, dModel] = x.shape;
        const dHead = dModel / nHeads;
        const xv = g.input('x', x.shape);
        // [b, t, dModel] → [b, nHeads, t, dHead]: heads take consecutive slices of the model axis.
        const heads = (name: keyof Weights) =>
          g.transpose(g.reshape(g.matMul(xv, g.input(name, weights[name].shape)), [b, t, nHeads, dHead]), [0, 2, 1, 3]);
        const q = heads('wq');
        const k = heads('wk');
        const v = heads('wv');
        let scores = g.div(g.matMul(q, g.transpose(k, [0, 1, 3, 2])), g.scalar(Math.sqrt(dHead)));
        if (causal) {
          const ones = g.constant(new Array(t * t).fill(1), [t, t]);
          const allowed = g.cast(g.trilu(ones, 0), 'bool');
          scores = g.where(allowed, scores, g.scalar(-1e9));
        }
        const context = g.matMul(g.softmax(scores, -1), v);
        const merged = g.reshape(g.transpose(context, [0, 2, 1, 3]), [b, t, dModel]);
        g.output(g.matMul(merged, g.input('wo', weights.wo.shape)), 'out', [b, t, dModel]);
        return g.build('multi-head-attention');
      },
    };
  },
});
