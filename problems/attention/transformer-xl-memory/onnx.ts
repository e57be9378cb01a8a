import { GraphBuilder } from '../../../src/onnx/GraphBuilder';
import { scaledDotProduct } from '../../../src/onnx/attention';
import { defineOnnxReference, shapeKey } from '../../../src/onnx/formulation';
import type { TensorSpec } from '../../../src/judge/inputs';
import type { ArgSpec } from '../../../src/judge/problem';

/** Attention over Concat([mem, x]) with a Trilu mask offset by M; the new memory is a Slice. */
export default defineOnnxReference({
  forCase(args: ArgSpec[]) {
    const [x, mem, weights, memLen] = args as [TensorSpec, TensorSpec, { wq: TensorSpec; wk: TensorSpec; wv: TensorSpec }, number];
    const feeds = { x, mem, wq: weights.wq, wk: weights.wk, wv: weights.wv };
    return {
      key: shapeKey(feeds, `memLen:${memLen}`),
      feeds,
      assemble: (outputs) => ({ kind: 'object', entries: { out: outputs.out, newMem: outputs.newMem } }),
      model: () => {
        const g = new GraphBuilder();
        const [B, L, D] = x.shape;
        const M = mem.shape[1];
        const xv = g.input('x', x.shape);
        const context = g.node('Concat', [g.input('mem', mem.shape), xv], { axis: 1 });
        const w = (name: 'wq' | 'wk' | 'wv') => g.input(name, feeds[name].shape);
        // Query i may see keys j ≤ M + i: the lower triangle of an [L, M + L] matrix shifted by M.
        const ones = g.constant(new Array(L * (M + L)).fill(1), [L, M + L]);
        const allowed = g.cast(g.trilu(ones, 0, M), 'bool');
        const out = scaledDotProduct(g, g.matMul(xv, w('wq')), g.matMul(context, w('wk')), g.matMul(context, w('wv')), 3, weights.wq.shape[1], allowed);
        const i64 = (values: number[]) => g.constant(values, [values.length], 'int64');
        const newMem = g.node('Slice', [context, i64([M + L - memLen]), i64([M + L]), i64([1])]);
        g.output(out, 'out', [B, L, D]);
        g.output(newMem, 'newMem', [B, memLen, D]);
        return g.build('transformer-xl-memory');
      },
    };
  },
});
