import { GraphBuilder } from '../../../src/onnx/GraphBuilder';
import { defineOnnxReference, shapeKey, singleOutput } from '../../../src/onnx/formulation';
import type { TensorSpec } from '../../../src/judge/inputs';
import type { ArgSpec } from '../../../src/judge/problem';

/** x / √(mean(x²) + eps) · gamma as an ONNX graph: the second, independent reference. */
export default defineOnnxReference({
  forCase(args: ArgSpec[]) {
    const [x, gamma, eps] = args as [TensorSpec, TensorSpec, number];
    const feeds = { x, gamma };
    return {
      key: shapeKey(feeds, `rms:${eps}`),
      feeds,
      assemble: singleOutput,
      model: () => {
        const g = new GraphBuilder();
        const xv = g.input('x', x.shape);
        const rms = g.sqrt(g.add(g.reduceMean(g.mul(xv, xv), [-1]), g.scalar(eps)));
        g.output(g.mul(g.div(xv, rms), g.input('gamma', gamma.shape)), 'out', x.shape);
        return g.build('rms-norm');
      },
    };
  },
});
