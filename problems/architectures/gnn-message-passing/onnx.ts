import { GraphBuilder, type Value } from '../../../src/onnx/GraphBuilder';
import { defineOnnxReference, shapeKey, singleOutput } from '../../../src/onnx/formulation';
import type { TensorSpec } from '../../../src/judge/inputs';
import type { ArgSpec } from '../../../src/judge/problem';

/** The GCN layer as an ONNX graph (dense Â from one-hot comparisons): the second reference. */
export default defineOnnxReference({
  forCase(args: ArgSpec[]) {
    const [x, edges, w, b, activation] = args as [TensorSpec, TensorSpec, TensorSpec, TensorSpec, 'relu' | 'none'];
    const n = x.shape[0];
    const e = edges.shape[1];
    const fOut = w.shape[1];
    // With no edges Â = I; a zero-length graph input is left out.
    const feeds: Record<string, TensorSpec> = e > 0 ? { x, edges, w, b } : { x, w, b };
    return {
      key: shapeKey(feeds, `gcn:${activation}`),
      feeds,
      assemble: singleOutput,
      model: () => {
        const g = new GraphBuilder();
        const identity = g.constant(Array.from({ length: n * n }, (_, i) => (i % (n + 1) === 0 ? 1 : 0)), [n, n]);
        let aHat: Value = identity;
        if (e > 0) {
          const ev = g.input('edges', edges.shape, 'int32');
          const ids = g.constant(Array.from({ length: n }, (_, i) => i), [1, n], 'int32');
          const oneHot = (row: number) =>
            g.cast(g.node('Equal', [g.reshape(g.node('Gather', [ev, g.constant([row], [], 'int64')], { axis: 0 }), [e, 1]), ids]), 'float32');
          aHat = g.add(g.matMul(g.transpose(oneHot(1), [1, 0]), oneHot(0)), identity); // [t, s]
        }
        const invSqrt = g.div(g.scalar(1), g.sqrt(g.reduceSum(aHat, [1]))); // [n, 1]
        const norm = g.mul(g.mul(aHat, invSqrt), g.transpose(invSqrt, [1, 0]));
        let out = g.add(g.matMul(norm, g.matMul(g.input('x', x.shape), g.input('w', w.shape))), g.input('b', b.shape));
        if (activation === 'relu') out = g.node('Relu', [out]);
        g.output(out, 'out', [n, fOut]);
        return g.build('gcn-layer');
      },
    };
  },
});
