import { GraphBuilder } from '../../../src/onnx/GraphBuilder';
import { bandMask, swapLastTwo } from '../../../src/onnx/attention';
import { defineOnnxReference, shapeKey } from '../../../src/onnx/formulation';
import type { TensorSpec } from '../../../src/judge/inputs';
import type { ArgSpec } from '../../../src/judge/problem';

/** Tiled causal attention must equal plain causal attention: the second reference computes it untiled, with its logsumexp. */
export default defineOnnxReference({
  forCase(args: ArgSpec[]) {
    const [q, k, v] = args as [TensorSpec, TensorSpec, TensorSpec, number];
    const feeds = { q, k, v };
    return {
      key: shapeKey(feeds, 'causal-attention-lse'),
      feeds,
      assemble: (outputs) => ({ kind: 'object', entries: { out: outputs.out, lse: outputs.lse } }),
      model: () => {
        const g = new GraphBuilder();
        const rank = q.shape.length;
        const t = q.shape[rank - 2];
        const d = q.shape[rank - 1];
        const scores = g.div(g.matMul(g.input('q', q.shape), g.transpose(g.input('k', k.shape), swapLastTwo(rank))), g.scalar(Math.sqrt(d)));
        const masked = g.where(bandMask(g, t, t), scores, g.scalar(-1e9));
        const rowMax = g.reduceMax(masked, [rank - 1]);
        const lse = g.add(rowMax, g.log(g.reduceSum(g.exp(g.sub(masked, rowMax)), [rank - 1])));
        g.output(g.matMul(g.softmax(masked, -1), g.input('v', v.shape)), 'out', [...q.shape.slice(0, -1), v.shape[rank - 1]]);
        g.output(g.reshape(lse, q.shape.slice(0, -1)), 'lse', q.shape.slice(0, -1));
        return g.build('causal-attention-lse');
      },
    };
  },
});
