import { GraphBuilder } from '../../../src/onnx/GraphBuilder';
import { defineOnnxReference, shapeKey, singleOutput } from '../../../src/onnx/formulation';
import type { TensorSpec } from '../../../src/judge/inputs';
import type { ArgSpec } from '../../../src/judge/problem';

/**
 * Layer norm over the last axis in two passes (mean, then the mean of squared deviations) as an
 * ONNX graph. Not the LayerNormalization op: its WebGPU kernel takes E[x²] − E[x]², which loses
 * the large-mean case to cancellation and would report a false engine disagreement.
 */
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
        const xv = g.input('x', x.shape);
        const centered = g.sub(xv, g.reduceMean(xv, [-1]));
        const variance = g.reduceMean(g.mul(centered, centered), [-1]);
        const normalized = g.div(centered, g.sqrt(g.add(variance, g.scalar(eps))));
        g.output(g.add(g.mul(normalized, g.input('gamma', gamma.shape)), g.input('beta', beta.shape)), 'out', x.shape);
        return g.build('layer-norm');
      },
    };
  },
});
