import { GraphBuilder, type Value } from '../../../src/onnx/GraphBuilder';
import { scaledDotProduct } from '../../../src/onnx/attention';
import { defineOnnxReference, shapeKey, singleOutput } from '../../../src/onnx/formulation';
import { isTensorSpec, type TensorSpec } from '../../../src/judge/inputs';
import type { ArgSpec } from '../../../src/judge/problem';

const PARAMS = ['wq', 'bq', 'wk', 'bk', 'wv', 'bv', 'wo', 'bo'] as const;
type Params = Record<(typeof PARAMS)[number], TensorSpec>;

/** Multi-head cross-attention with biases and a memory padding mask, as an ONNX graph. */
export default defineOnnxReference({
  forCase(args: ArgSpec[]) {
    const [x, memory, params, numHeads, memoryMask] = args as [TensorSpec, TensorSpec, Params, number, TensorSpec | undefined];
    const feeds: Record<string, TensorSpec> = { x, memory };
    for (const name of PARAMS) feeds[name] = params[name];
    if (isTensorSpec(memoryMask)) feeds.mask = { ...memoryMask, dtype: 'float32', data: Float32Array.from(memoryMask.data) };
    return {
      key: shapeKey(feeds, `cross:${numHeads}`),
      feeds,
      assemble: singleOutput,
      model: () => {
        const g = new GraphBuilder();
        const [b, tq, dModel] = x.shape;
        const tk = memory.shape[1];
        const dHead = dModel / numHeads;
        const p = Object.fromEntries(PARAMS.map((name) => [name, g.input(name, params[name].shape)])) as Record<(typeof PARAMS)[number], Value>;
        const xv = g.input('x', x.shape);
        const mem = g.input('memory', memory.shape);
        const heads = (y: Value, len: number) => g.transpose(g.reshape(y, [b, len, numHeads, dHead]), [0, 2, 1, 3]);
        const q = heads(g.add(g.matMul(xv, p.wq), p.bq), tq);
        const k = heads(g.add(g.matMul(mem, p.wk), p.bk), tk);
        const v = heads(g.add(g.matMul(mem, p.wv), p.bv), tk);
        // mask [b, tk] → [b, 1, 1, tk]: one padding pattern per batch row, for every head and query.
        const allowed = feeds.mask ? g.cast(g.reshape(g.input('mask', feeds.mask.shape), [b, 1, 1, tk]), 'bool') : undefined;
        const context = scaledDotProduct(g, q, k, v, 4, dHead, allowed);
        const merged = g.reshape(g.transpose(context, [0, 2, 1, 3]), [b, tq, dModel]);
        g.output(g.add(g.matMul(merged, p.wo), p.bo), 'out', [b, tq, dModel]);
        return g.build('cross-attention');
      },
    };
  },
});
