import { GraphBuilder } from '../../../src/onnx/GraphBuilder';
import { defineOnnxReference, shapeKey, singleOutput } from '../../../src/onnx/formulation';
import type { TensorSpec } from '../../../src/judge/inputs';
import type { ArgSpec } from '../../../src/judge/problem';

/** Linear attention with Elu, CumSum over time of the outer products φ(k)ᵀv, and a rank-4 MatMul. */
export default defineOnnxReference({
  forCase(args: ArgSpec[]) {
    const [q, k, v, eps] = args as [TensorSpec, TensorSpec, TensorSpec, number];
    const feeds = { q, k, v };
    return {
      key: shapeKey(feeds, `eps:${eps}`),
      feeds,
      assemble: singleOutput,
      model: () => {
        const g = new GraphBuilder();
        const [B, T, Dk] = q.shape;
        const Dv = v.shape[2];
        const one = g.scalar(1);
        const phi = (x: ReturnType<GraphBuilder['input']>) => g.add(g.node('Elu', [x]), one);
        const fq = phi(g.input('q', q.shape));
        const fk = phi(g.input('k', k.shape));
        const vv = g.input('v', v.shape);
        const time = g.constant([1], [], 'int64');
        // Outer products [B, T, Dk, 1] · [B, T, 1, Dv], summed forward over time.
        const outer = g.mul(g.reshape(fk, [B, T, Dk, 1]), g.reshape(vv, [B, T, 1, Dv]));
        const S = g.node('CumSum', [outer, time]);
        const z = g.node('CumSum', [fk, time]);
        const num = g.reshape(g.matMul(g.reshape(fq, [B, T, 1, Dk]), S), [B, T, Dv]);
        const den = g.add(g.reduceSum(g.mul(fq, z), [2], true), g.scalar(eps));
        g.output(g.div(num, den), 'out', [B, T, Dv]);
        return g.build('linear-attention');
      },
    };
  },
});
