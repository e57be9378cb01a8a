import { GraphBuilder, type Value } from '../../../src/onnx/GraphBuilder';
import { defineOnnxReference, shapeKey } from '../../../src/onnx/formulation';
import type { TensorSpec } from '../../../src/judge/inputs';
import type { ArgSpec } from '../../../src/judge/problem';

/** SGD with (optionally Nesterov) momentum unrolled over every gradient, as an ONNX graph. */
export default defineOnnxReference({
  forCase(args: ArgSpec[]) {
    const [param, grads, lr, momentum, nesterov] = args as [TensorSpec, TensorSpec[], number, number, boolean];
    const feeds: Record<string, TensorSpec> = { param };
    grads.forEach((grad, i) => (feeds[`g${i}`] = grad));
    return {
      key: shapeKey(feeds, JSON.stringify([lr, momentum, nesterov])),
      feeds,
      assemble: (outputs) => ({ kind: 'object', entries: { param: outputs.newParam, velocity: outputs.velocity } }),
      model: () => {
        const g = new GraphBuilder();
        let p: Value = g.input('param', param.shape);
        let v: Value = g.constant(new Array(param.data.length).fill(0), param.shape);
        grads.forEach((_, i) => {
          const grad = g.input(`g${i}`, grads[i].shape);
          v = g.add(g.mul(v, g.scalar(momentum)), grad);
          const step = nesterov ? g.add(grad, g.mul(v, g.scalar(momentum))) : v;
          p = g.sub(p, g.mul(step, g.scalar(lr)));
        });
        g.output(p, 'newParam', param.shape);
        g.output(v, 'velocity', param.shape);
        return g.build('sgd-momentum');
      },
    };
  },
});
