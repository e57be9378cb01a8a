import { GraphBuilder } from '../../../src/onnx/GraphBuilder';
import { defineOnnxReference, shapeKey } from '../../../src/onnx/formulation';
import type { TensorSpec } from '../../../src/judge/inputs';
import type { ArgSpec } from '../../../src/judge/problem';

/** The interpolation, Concat([x_t, t]) · w + b and the MSE; the K Euler steps unrolled with constant time columns. */
export default defineOnnxReference({
  forCase(args: ArgSpec[]) {
    const [x0, x1, t, w, b, z, K] = args as [TensorSpec, TensorSpec, TensorSpec, TensorSpec, TensorSpec, TensorSpec, number];
    const feeds = { x0, x1, t, w, b, z };
    return {
      key: shapeKey(feeds, `K=${K}`),
      feeds,
      assemble: (outputs) => ({ kind: 'object', entries: { loss: outputs.loss, samples: outputs.samples } }),
      model: () => {
        const g = new GraphBuilder();
        const [B, D] = x0.shape;
        const [N] = z.shape;
        const wV = g.input('w', w.shape);
        const bV = g.input('b', b.shape);
        const x0V = g.input('x0', x0.shape);
        const x1V = g.input('x1', x1.shape);
        const tc = g.reshape(g.input('t', t.shape), [B, 1]);
        const xt = g.add(g.mul(g.sub(g.scalar(1), tc), x0V), g.mul(tc, x1V));
        const model = (x: ReturnType<GraphBuilder['input']>, time: ReturnType<GraphBuilder['input']>) =>
          g.add(g.matMul(g.node('Concat', [x, time], { axis: 1 }), wV), bV);
        const err = g.sub(model(xt, tc), g.sub(x1V, x0V));
        g.output(g.reduceMean(g.mul(err, err), [0, 1], false), 'loss', []);
        const h = 1 / K;
        let x = g.input('z', z.shape);
        for (let k = 0; k < K; k++) {
          const v = model(x, g.constant(new Array(N).fill(k * h), [N, 1]));
          x = g.add(x, g.mul(v, g.scalar(h)));
        }
        g.output(x, 'samples', [N, D]);
        return g.build('flow-matching');
      },
    };
  },
});
