import { GraphBuilder } from '../../../src/onnx/GraphBuilder';
import { defineOnnxReference, shapeKey } from '../../../src/onnx/formulation';
import type { TensorSpec } from '../../../src/judge/inputs';
import type { ArgSpec } from '../../../src/judge/problem';
import type { Plain } from '../../../src/judge/compare';

/**
 * LLM.int8() as an ONNX graph: the outlier mask selects columns with Where (not a multiply), the
 * int8 part multiplies int32 codes with an integer MatMul, and the two parts are added.
 */
export default defineOnnxReference({
  forCase(args: ArgSpec[]) {
    const [x, w, threshold] = args as [TensorSpec, TensorSpec, number];
    const feeds = { x, w };
    return {
      key: shapeKey(feeds, `t:${threshold}`),
      feeds,
      assemble: (o: Record<string, Plain>): Plain => ({ kind: 'object', entries: { out: o.out, outliers: o.outliers, xScale: o.xScale, wScale: o.wScale } }),
      model: () => {
        const g = new GraphBuilder();
        const [n, d] = x.shape;
        const m = w.shape[1];
        const X = g.input('x', x.shape);
        const W = g.input('w', w.shape);
        const zero = g.scalar(0);
        const colMax = g.reduceMax(g.node('Abs', [X]), [0], true); // [1, d]
        const outlier = g.node('Greater', [colMax, g.scalar(threshold)]); // [1, d] bool
        const outlierRow = g.reshape(outlier, [d, 1]);
        const xOut = g.where(outlier, X, zero);
        const wOut = g.where(outlierRow, W, zero);
        const xReg = g.where(outlier, zero, X);
        const wReg = g.where(outlierRow, zero, W);
        const scaleOf = (t: ReturnType<GraphBuilder['input']>, axis: number) => {
          const a = g.reduceMax(g.node('Abs', [t]), [axis], true);
          return g.where(g.node('Greater', [a, zero]), g.div(a, g.scalar(127)), g.scalar(1));
        };
        const sx = scaleOf(xReg, 1); // [n, 1]
        const sw = scaleOf(wReg, 0); // [1, m]
        const codes = (t: ReturnType<GraphBuilder['input']>, s: ReturnType<GraphBuilder['input']>) =>
          g.cast(g.node('Clip', [g.node('Round', [g.div(t, s)]), g.scalar(-127), g.scalar(127)]), 'int32');
        // Sum of integer products, accumulated exactly in int32 (the int8 values fit).
        const acc = g.node('MatMul', [codes(xReg, sx), codes(wReg, sw)]);
        const out = g.add(g.mul(g.mul(g.cast(acc, 'float32'), sx), sw), g.matMul(xOut, wOut));
        g.output(out, 'out', [n, m]);
        g.output(g.cast(g.reshape(outlier, [d]), 'int32'), 'outliers', [d], 'int32');
        g.output(sx, 'xScale', [n, 1]);
        g.output(sw, 'wScale', [1, m]);
        return g.build('llm-int8');
      },
    };
  },
});
