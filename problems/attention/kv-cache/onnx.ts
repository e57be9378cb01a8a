import { GraphBuilder } from '../../../src/onnx/GraphBuilder';
import { bandMask, scaledDotProduct } from '../../../src/onnx/attention';
import { defineOnnxReference, shapeKey, singleOutput } from '../../../src/onnx/formulation';
import type { TensorSpec } from '../../../src/judge/inputs';
import type { ArgSpec } from '../../../src/judge/problem';

/**
 * Incremental decoding with a cache must equal full causal attention over the whole sequence, so
 * the second reference is exactly that, in one ONNX graph.
 */
export default defineOnnxReference({
  forCase(args: ArgSpec[]) {
    const [x, weights] = args as [TensorSpec, { wq: TensorSpec; wk: TensorSpec; wv: TensorSpec }, number];
    const feeds = { x, wq: weights.wq, wk: weights.wk, wv: weights.wv };
    return {
      key: shapeKey(feeds, 'kv-cache'),
      feeds,
      assemble: singleOutput,
      model: () => {
        const g = new GraphBuilder();
        const [b, t] = x.shape;
        const xv = g.input('x', x.shape);
        const project = (name: 'wq' | 'wk' | 'wv') => g.matMul(xv, g.input(name, feeds[name].shape));
        const out = scaledDotProduct(g, project('wq'), project('wk'), project('wv'), 3, weights.wq.shape[1], bandMask(g, t, t));
        g.output(out, 'out', [b, t, weights.wv.shape[1]]);
        return g.build('causal-attention');
      },
    };
  },
});
