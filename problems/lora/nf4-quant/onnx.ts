import { GraphBuilder } from '../../../src/onnx/GraphBuilder';
import { defineOnnxReference, shapeKey } from '../../../src/onnx/formulation';
import type { TensorSpec } from '../../../src/judge/inputs';
import type { ArgSpec } from '../../../src/judge/problem';
import type { Plain } from '../../../src/judge/compare';

const NF4 = [
  -1.0, -0.6961928009986877, -0.5250730514526367, -0.39491748809814453, -0.28444138169288635, -0.18477343022823334,
  -0.09105003625154495, 0.0, 0.07958029955625534, 0.16093020141124725, 0.24611230194568634, 0.33791524171829224,
  0.44070982933044434, 0.5626170039176941, 0.7229568362236023, 1.0,
];

/**
 * NF4 by the other road: nearest level as ArgMin of |x − level| (ONNX ArgMin keeps the first
 * index, i.e. the lower level on a tie), dequantization by Gather.
 */
export default defineOnnxReference({
  forCase(args: ArgSpec[]) {
    const [w, blockSize] = args as [TensorSpec, number];
    const feeds = { w };
    return {
      key: shapeKey(feeds, `bs:${blockSize}`),
      feeds,
      assemble: (o: Record<string, Plain>): Plain => ({ kind: 'object', entries: { codes: o.codes, absmax: o.absmax, dequantized: o.dequantized } }),
      model: () => {
        const g = new GraphBuilder();
        const [rows, cols] = w.shape;
        const nb = (rows * cols) / blockSize;
        const blocks = g.reshape(g.input('w', w.shape), [nb, blockSize]);
        const absmax = g.reduceMax(g.node('Abs', [blocks]), [1], true); // [nb, 1]
        const positive = g.node('Greater', [absmax, g.scalar(0)]);
        const safe = g.where(positive, absmax, g.scalar(1));
        const x = g.mul(g.div(blocks, safe), g.cast(positive, 'float32')); // zero block → 0
        const levels = g.constant(NF4, [16]);
        const dist = g.node('Abs', [g.sub(g.reshape(x, [nb, blockSize, 1]), levels)]); // [nb, bs, 16]
        const codes64 = g.node('ArgMin', [dist], { axis: 2, keepdims: 0 }); // int64 [nb, bs]
        const deq = g.mul(g.node('Gather', [levels, codes64], { axis: 0 }), absmax);
        g.output(g.reshape(g.cast(codes64, 'int32'), [rows, cols]), 'codes', [rows, cols], 'int32');
        g.output(g.reshape(absmax, [nb]), 'absmax', [nb]);
        g.output(g.reshape(deq, [rows, cols]), 'dequantized', [rows, cols]);
        return g.build('nf4-quant');
      },
    };
  },
});
