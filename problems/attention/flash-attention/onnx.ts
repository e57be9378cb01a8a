import { GraphBuilder } from '../../../src/onnx/GraphBuilder';
import { scaledDotProduct } from '../../../src/onnx/attention';
import { defineOnnxReference, shapeKey, singleOutput } from '../../../src/onnx/formulation';
import type { TensorSpec } from '../../../src/judge/inputs';
import type { ArgSpec } from '../../../src/judge/problem';

/** Tiled attention must equal plain attention: the second reference computes it untiled in ONNX. */
export default defineOnnxReference({
  forCase(args: ArgSpec[]) {
    const [q, k, v] = args as [TensorSpec, TensorSpec, TensorSpec, number];
    const feeds = { q, k, v };
    return {
      key: shapeKey(feeds, 'attention'),
      feeds,
      assemble: singleOutput,
      model: () => {
        const g = new GraphBuilder();
        const rank = q.shape.length;
        const out = scaledDotProduct(g, g.input('q', q.shape), g.input('k', k.shape), g.input('v', v.shape), rank, q.shape[rank - 1]);
        g.output(out, 'out', [...q.shape.slice(0, -1), v.shape[rank - 1]]);
        return g.build('attention');
      },
    };
  },
});
