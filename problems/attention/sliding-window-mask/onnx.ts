import { GraphBuilder } from '../../../src/onnx/GraphBuilder';
import { bandMask, scaledDotProduct } from '../../../src/onnx/attention';
import { defineOnnxReference, shapeKey, singleOutput } from '../../../src/onnx/formulation';
import type { TensorSpec } from '../../../src/judge/inputs';
import type { ArgSpec } from '../../../src/judge/problem';

/** Sliding-window causal attention as an ONNX graph: the second, independent reference. */
export default defineOnnxReference({
  forCase(args: ArgSpec[]) {
    const [q, k, v, window] = args as [TensorSpec, TensorSpec, TensorSpec, number];
    const feeds = { q, k, v };
    return {
      key: shapeKey(feeds, `window:${window}`),
      feeds,
      assemble: singleOutput,
      model: () => {
        const g = new GraphBuilder();
        const rank = q.shape.length;
        const t = q.shape[rank - 2];
        const allowed = bandMask(g, t, t, window);
        const out = scaledDotProduct(g, g.input('q', q.shape), g.input('k', k.shape), g.input('v', v.shape), rank, q.shape[rank - 1], allowed);
        g.output(out, 'out', [...q.shape.slice(0, -1), v.shape[rank - 1]]);
        return g.build('sliding-window-attention');
      },
    };
  },
});
