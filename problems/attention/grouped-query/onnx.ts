import { GraphBuilder } from '../../../src/onnx/GraphBuilder';
import { bandMask, scaledDotProduct } from '../../../src/onnx/attention';
import { defineOnnxReference, shapeKey, singleOutput } from '../../../src/onnx/formulation';
import type { TensorSpec } from '../../../src/judge/inputs';
import type { ArgSpec } from '../../../src/judge/problem';

/** Grouped-query attention as an ONNX graph: the second, independent reference. */
export default defineOnnxReference({
  forCase(args: ArgSpec[]) {
    const [q, k, v, causal] = args as [TensorSpec, TensorSpec, TensorSpec, boolean];
    const feeds = { q, k, v };
    return {
      key: shapeKey(feeds, `gqa:${causal}`),
      feeds,
      assemble: singleOutput,
      model: () => {
        const g = new GraphBuilder();
        const [b, nHeads, tq, d] = q.shape;
        const [, nKvHeads, tk, dv] = v.shape;
        const group = nHeads / nKvHeads;
        // [b, Hkv, t, x] → [b, Hkv, group, t, x] → [b, H, t, x]: query heads h·group..(h+1)·group-1 share kv head h.
        const repeat = (name: string, spec: TensorSpec, last: number) =>
          g.reshape(
            g.node('Expand', [g.reshape(g.input(name, spec.shape), [b, nKvHeads, 1, tk, last]), g.constant([b, nKvHeads, group, tk, last], [5], 'int64')]),
            [b, nHeads, tk, last],
          );
        const allowed = causal ? bandMask(g, tq, tk) : undefined;
        const out = scaledDotProduct(g, g.input('q', q.shape), repeat('k', k, d), repeat('v', v, dv), 4, d, allowed);
        g.output(out, 'out', [b, nHeads, tq, dv]);
        return g.build('grouped-query-attention');
      },
    };
  },
});
