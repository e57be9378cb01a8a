import { GraphBuilder, float } from '../../../src/onnx/GraphBuilder';
import { defineOnnxReference, shapeKey, singleOutput } from '../../../src/onnx/formulation';
import type { TensorSpec } from '../../../src/judge/inputs';
import type { ArgSpec } from '../../../src/judge/problem';

/** W + (alpha/r)·A·B with ONNX's Gemm (C + α·A·B in one op): the second, independent reference. */
export default defineOnnxReference({
  forCase(args: ArgSpec[]) {
    const [w, a, b, alpha] = args as [TensorSpec, TensorSpec, TensorSpec, number];
    const feeds = { w, a, b };
    return {
      key: shapeKey(feeds, `merge:${alpha}`),
      feeds,
      assemble: singleOutput,
      model: () => {
        const g = new GraphBuilder();
        const r = a.shape[1];
        const out = g.node('Gemm', [g.input('a', a.shape), g.input('b', b.shape), g.input('w', w.shape)], { alpha: float(alpha / r), beta: float(1) });
        g.output(out, 'out', w.shape);
        return g.build('merge-lora');
      },
    };
  },
});
