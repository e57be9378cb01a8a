import { GraphBuilder } from '../../../src/onnx/GraphBuilder';
import { defineOnnxReference, shapeKey, singleOutput } from '../../../src/onnx/formulation';
import type { TensorSpec } from '../../../src/judge/inputs';
import type { ArgSpec } from '../../../src/judge/problem';

/** x@w + (alpha/r)·(x@a@b) as an ONNX graph: the second, independent reference. */
export default defineOnnxReference({
  forCase(args: ArgSpec[]) {
    const [x, w, a, b, alpha] = args as [TensorSpec, TensorSpec, TensorSpec, TensorSpec, number];
    const feeds = { x, w, a, b };
    return {
      key: shapeKey(feeds, `lora:${alpha}`),
      feeds,
      assemble: singleOutput,
      model: () => {
        const g = new GraphBuilder();
        const r = a.shape[1];
        const xv = g.input('x', x.shape);
        const base = g.matMul(xv, g.input('w', w.shape));
        const update = g.matMul(g.matMul(xv, g.input('a', a.shape)), g.input('b', b.shape));
        const out = g.add(base, g.mul(update, g.scalar(alpha / r)));
        g.output(out, 'out', [...x.shape.slice(0, -1), w.shape[1]]);
        return g.build('lora-linear');
      },
    };
  },
});
