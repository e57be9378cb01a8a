import { GraphBuilder } from '../../../src/onnx/GraphBuilder';
import { unrolledAdam } from '../../../src/onnx/optimizers';
import { defineOnnxReference, shapeKey } from '../../../src/onnx/formulation';
import type { TensorSpec } from '../../../src/judge/inputs';
import type { ArgSpec } from '../../../src/judge/problem';

/** AdamW (decoupled weight decay, applied first) unrolled over every gradient, as an ONNX graph: the second, independent reference. */
export default defineOnnxReference({
  forCase(args: ArgSpec[]) {
    const [param, grads, lr, beta1, beta2, eps, weightDecay] = args as [TensorSpec, TensorSpec[], number, number, number, number, number];
    const feeds: Record<string, TensorSpec> = { param };
    grads.forEach((grad, i) => (feeds[`g${i}`] = grad));
    const settings = { lr, beta1, beta2, eps, weightDecay };
    return {
      key: shapeKey(feeds, JSON.stringify(settings)),
      feeds,
      assemble: (outputs) => ({ kind: 'object', entries: { param: outputs.newParam, m: outputs.m, v: outputs.v } }),
      model: () => {
        const g = new GraphBuilder();
        const p = g.input('param', param.shape);
        const zeros = g.constant(new Array(param.data.length).fill(0), param.shape);
        const gradValues = grads.map((grad, i) => g.input(`g${i}`, grad.shape));
        const result = unrolledAdam(g, p, gradValues, zeros, settings);
        g.output(result.param, 'newParam', param.shape);
        g.output(result.m, 'm', param.shape);
        g.output(result.v, 'v', param.shape);
        return g.build('adamw');
      },
    };
  },
});
