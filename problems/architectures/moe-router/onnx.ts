import { GraphBuilder } from '../../../src/onnx/GraphBuilder';
import { defineOnnxReference, shapeKey } from '../../../src/onnx/formulation';
import type { TensorSpec } from '../../../src/judge/inputs';
import type { ArgSpec } from '../../../src/judge/problem';

/** The MoE layer as an ONNX graph (rank by pairwise comparison, CumSum queue): the second reference. */
export default defineOnnxReference({
  forCase(args: ArgSpec[]) {
    const [x, wRouter, w1, b1, w2, b2, k, capacity] = args as [TensorSpec, TensorSpec, TensorSpec, TensorSpec, TensorSpec, TensorSpec, number, number];
    const feeds = { x, wRouter, w1, b1, w2, b2 };
    const [t, d] = x.shape;
    const e = wRouter.shape[1];
    const f = w1.shape[2];
    return {
      key: shapeKey(feeds, `moe:${k}:${capacity}`),
      feeds,
      assemble: (outputs) => ({ kind: 'object', entries: { out: outputs.out, auxLoss: outputs.auxLoss } }),
      model: () => {
        const g = new GraphBuilder();
        const xv = g.input('x', x.shape);
        const probs = g.softmax(g.matMul(xv, g.input('wRouter', wRouter.shape)), -1); // [T, E]
        // Expert j outranks expert i when p_j > p_i, or p_j = p_i and j < i.
        const pi = g.reshape(probs, [t, e, 1]);
        const pj = g.reshape(probs, [t, 1, e]);
        const lower = g.constant(
          Array.from({ length: e * e }, (_, n) => (n % e < Math.floor(n / e) ? 1 : 0)),
          [e, e],
        );
        const outrank = g.add(
          g.cast(g.node('Greater', [pj, pi]), 'float32'),
          g.mul(g.cast(g.node('Equal', [pj, pi]), 'float32'), lower),
        );
        const rank = g.reduceSum(outrank, [2], false); // [T, E]
        const chosen = g.cast(g.node('Less', [rank, g.scalar(k)]), 'float32');
        const top = g.mul(probs, chosen);
        const gates = g.div(top, g.reduceSum(top, [1]));
        const before = g.node('CumSum', [chosen, g.constant([0], [], 'int64')], { exclusive: 1 });
        const kept = g.mul(chosen, g.cast(g.node('Less', [before, g.scalar(capacity)]), 'float32'));
        const xe = g.node('Expand', [g.reshape(xv, [1, t, d]), g.constant([e, t, d], [3], 'int64')]);
        const hidden = g.node('Relu', [g.add(g.matMul(xe, g.input('w1', w1.shape)), g.reshape(g.input('b1', b1.shape), [e, 1, f]))]);
        const y = g.add(g.matMul(hidden, g.input('w2', w2.shape)), g.reshape(g.input('b2', b2.shape), [e, 1, d])); // [E, T, d]
        const weights = g.reshape(g.transpose(g.mul(gates, kept), [1, 0]), [e, t, 1]);
        g.output(g.reduceSum(g.mul(y, weights), [0], false), 'out', [t, d]);
        const share = g.div(g.reduceSum(chosen, [0], false), g.scalar(t * k));
        const meanP = g.reduceMean(probs, [0], false);
        g.output(g.mul(g.reduceSum(g.mul(share, meanP), [0], false), g.scalar(e)), 'auxLoss', []);
        return g.build('moe-layer');
      },
    };
  },
});
