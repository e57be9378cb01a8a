import { GraphBuilder } from '../../../src/onnx/GraphBuilder';
import { defineOnnxReference, shapeKey, singleOutput } from '../../../src/onnx/formulation';
import type { TensorSpec } from '../../../src/judge/inputs';
import type { ArgSpec } from '../../../src/judge/problem';

/** ONNX's own LayerNormalization op over the last axis: the second, independent reference. */
export default defineOnnxReference({
  forCase(args: ArgSpec[]) {
    const [x, gamma, beta, eps] = args as [TensorSpec, TensorSpec, TensorSpec, number];
    const feeds = { x, gamma, beta };
    return {
      key: shapeKey(feeds, `ln:${eps}`),
      feeds,
      assemble: singleOutput,
      model: () => {
        const g = new GraphBuilder();
        const out = g.layerNormalization(g.input('x', x.shape), g.input('gamma', gamma.shape), g.input('beta', beta.shape), eps);
        g.output(out, 'out', x.shape);
        return g.build('layer-norm');
      },
    };
  },
});
