import { GraphBuilder } from '../../../src/onnx/GraphBuilder';
import { defineOnnxReference, shapeKey } from '../../../src/onnx/formulation';
import type { TensorSpec } from '../../../src/judge/inputs';
import type { ArgSpec } from '../../../src/judge/problem';
import type { Plain } from '../../../src/judge/compare';

/**
 * Pruning masks by explicit ranks: an element is pruned when fewer than k elements come before it
 * in the (magnitude, position) order, computed with an [n, n] comparison; rows ranked by ReduceL2.
 */
export default defineOnnxReference({
  forCase(args: ArgSpec[]) {
    const [layers, sparsity] = args as [TensorSpec[], number];
    const feeds: Record<string, TensorSpec> = {};
    layers.forEach((w, l) => (feeds[`w${l}`] = w));
    const L = layers.length;
    return {
      key: shapeKey(feeds, `s:${sparsity}`),
      feeds,
      assemble: (o: Record<string, Plain>): Plain => ({
        kind: 'object',
        entries: {
          perLayer: { kind: 'array', items: layers.map((_, l) => o[`p${l}`]) },
          global: { kind: 'array', items: layers.map((_, l) => o[`g${l}`]) },
          rows: { kind: 'array', items: layers.map((_, l) => o[`r${l}`]) },
        },
      }),
      model: () => {
        const g = new GraphBuilder();
        /**
         * A [n] keep-mask for flat [n]: element i's rank is #{j : v_j < v_i} + #{j < i : v_j = v_i}
         * (ties in index order), and it is pruned when its rank is below k.
         */
        const bottomK = (flat: ReturnType<GraphBuilder['input']>, n: number, k: number) => {
          const col = g.reshape(flat, [n, 1]);
          const row = g.reshape(flat, [1, n]);
          const index = g.constant(Array.from({ length: n }, (_, i) => i), [n]);
          const before = g.node('Less', [g.reshape(index, [1, n]), g.reshape(index, [n, 1])]); // [i, j]: j < i
          const smaller = g.node('Less', [row, col]); // [i, j]: v_j < v_i
          const tiedBefore = g.node('And', [g.node('Equal', [row, col]), before]);
          const rank = g.reduceSum(g.cast(g.node('Or', [smaller, tiedBefore]), 'float32'), [1], false);
          return g.cast(g.node('GreaterOrEqual', [rank, g.scalar(k)]), 'float32');
        };
        const inputs = layers.map((w, l) => g.input(`w${l}`, w.shape));
        const abs = layers.map((w, l) => g.reshape(g.node('Abs', [inputs[l]]), [w.shape[0] * w.shape[1]]));
        layers.forEach((w, l) => {
          const n = w.shape[0] * w.shape[1];
          g.output(g.reshape(bottomK(abs[l], n, Math.floor(sparsity * n)), w.shape), `p${l}`, w.shape);
          const norms = g.reshape(g.node('ReduceL2', [inputs[l]], { axes: [1], keepdims: 0 }), [w.shape[0]]);
          g.output(bottomK(norms, w.shape[0], Math.floor(sparsity * w.shape[0])), `r${l}`, [w.shape[0]]);
        });
        const sizes = layers.map((w) => w.shape[0] * w.shape[1]);
        const N = sizes.reduce((a, b) => a + b, 0);
        const all = L === 1 ? abs[0] : g.node('Concat', abs, { axis: 0 });
        const globalMask = bottomK(all, N, Math.floor(sparsity * N));
        let offset = 0;
        layers.forEach((w, l) => {
          const part = g.node('Slice', [globalMask, g.constant([offset], [1], 'int64'), g.constant([offset + sizes[l]], [1], 'int64')]);
          offset += sizes[l];
          g.output(g.reshape(part, w.shape), `g${l}`, w.shape);
        });
        return g.build('magnitude-pruning');
      },
    };
  },
});
