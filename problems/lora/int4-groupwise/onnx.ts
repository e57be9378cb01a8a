import { GraphBuilder } from '../../../src/onnx/GraphBuilder';
import { defineOnnxReference, shapeKey } from '../../../src/onnx/formulation';
import type { TensorSpec } from '../../../src/judge/inputs';
import type { ArgSpec } from '../../../src/judge/problem';
import type { Plain } from '../../../src/judge/compare';

/**
 * Int4 group-wise quantization as an ONNX graph: ONNX Round rounds half to even, Clip bounds the
 * codes, and the packing splits even/odd columns with Slice instead of a [.., 2] reshape.
 */
export default defineOnnxReference({
  forCase(args: ArgSpec[]) {
    const [w, groupSize] = args as [TensorSpec, number];
    const feeds = { w };
    return {
      key: shapeKey(feeds, `gs:${groupSize}`),
      feeds,
      assemble: (o: Record<string, Plain>): Plain => ({ kind: 'object', entries: { packed: o.packed, scale: o.scale, zero: o.zero, dequantized: o.dequantized } }),
      model: () => {
        const g = new GraphBuilder();
        const [rows, cols] = w.shape;
        const G = cols / groupSize;
        const groups = g.reshape(g.input('w', w.shape), [rows, G, groupSize]);
        const zeroC = g.scalar(0);
        const lo = g.node('Min', [g.node('ReduceMin', [groups], { axes: [2], keepdims: 1 }), zeroC]);
        const hi = g.node('Max', [g.reduceMax(groups, [2], true), zeroC]);
        const range = g.sub(hi, lo);
        const scale = g.where(g.node('Greater', [range, zeroC]), g.div(range, g.scalar(15)), g.scalar(1));
        const zero = g.node('Round', [g.div(g.neg(lo), scale)]);
        const q = g.node('Clip', [g.add(g.node('Round', [g.div(groups, scale)]), zero), g.scalar(0), g.scalar(15)]);
        const deq = g.mul(g.sub(q, zero), scale);
        const flat = g.reshape(q, [rows, cols]);
        const slice = (start: number) =>
          g.node('Slice', [flat, g.constant([start], [1], 'int64'), g.constant([cols], [1], 'int64'), g.constant([1], [1], 'int64'), g.constant([2], [1], 'int64')]);
        const packed = g.add(slice(0), g.mul(slice(1), g.scalar(16)));
        g.output(g.cast(packed, 'int32'), 'packed', [rows, cols / 2], 'int32');
        g.output(g.reshape(scale, [rows, G]), 'scale', [rows, G]);
        g.output(g.cast(g.reshape(zero, [rows, G]), 'int32'), 'zero', [rows, G], 'int32');
        g.output(g.reshape(deq, [rows, cols]), 'dequantized', [rows, cols]);
        return g.build('int4-groupwise');
      },
    };
  },
});
