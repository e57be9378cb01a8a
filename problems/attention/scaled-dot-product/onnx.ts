import { GraphBuilder } from '../../../src/onnx/GraphBuilder';
import { swapLastTwo } from '../../../src/onnx/attention';
import { defineOnnxReference, shapeKey, singleOutput } from '../../../src/onnx/formulation';
import { isTensorSpec, type TensorSpec } from '../../../src/judge/inputs';
import type { ArgSpec } from '../../../src/judge/problem';

/** Same math as reference.ts, written as an ONNX graph: the second, independent reference. */
export default defineOnnxReference({
  forCase(args: ArgSpec[]) {
    const [q, k, v, mask] = args as [TensorSpec, TensorSpec, TensorSpec, TensorSpec | undefined];
    const feeds: Record<string, TensorSpec> = { q, k, v };
    // Bool or float masks both arrive as float 0/1.
    if (isTensorSpec(mask)) feeds.mask = { ...mask, dtype: 'float32', data: Float32Array.from(mask.data) };
    return {
      key: shapeKey(feeds, 'sdpa'),
      feeds,
      assemble: singleOutput,
      model: () => {
        const g = new GraphBuilder();
        const rank = q.shape.length;
        const d = q.shape[rank - 1];
        const tk = k.shape[rank - 2];
        // scores: [..., tq, tk]
        const scoresShape = [...q.shape.slice(0, -1), tk];
        const kT = g.transpose(g.input('k', k.shape), swapLastTwo(rank));
        let scores = g.div(g.matMul(g.input('q', q.shape), kT), g.scalar(Math.sqrt(d)));
        let weights;
        if (feeds.mask) {
          const allowed = g.node('Expand', [g.input('mask', feeds.mask.shape), g.constant(scoresShape, [rank], 'int64')]);
          scores = g.where(g.cast(allowed, 'bool'), scores, g.scalar(-1e9));
          const rowHasKey = g.reduceMax(allowed, [-1]);
          weights = g.mul(g.softmax(scores, -1), rowHasKey);
        } else {
          weights = g.softmax(scores, -1);
        }
        const out = g.matMul(weights, g.input('v', v.shape));
        g.output(out, 'out', [...q.shape.slice(0, -1), v.shape[rank - 1]]);
        return g.build('scaled-dot-product-attention');
      },
    };
  },
});
