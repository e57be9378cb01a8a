import { GraphBuilder, type Value } from '../../../src/onnx/GraphBuilder';
import { defineOnnxReference, shapeKey } from '../../../src/onnx/formulation';
import type { TensorSpec } from '../../../src/judge/inputs';
import type { ArgSpec } from '../../../src/judge/problem';

/** The selective scan as an ONNX graph with the time loop unrolled: the second reference. */
export default defineOnnxReference({
  forCase(args: ArgSpec[]) {
    const [x, delta, A, Bmat, C, Dskip, h0] = args as TensorSpec[];
    const feeds = { x, delta, A, Bmat, C, Dskip, h0 };
    const [b, len, d] = x.shape;
    const n = A.shape[1];
    return {
      key: shapeKey(feeds, 'selective-scan'),
      feeds,
      assemble: (outputs) => ({ kind: 'object', entries: { y: outputs.y, state: outputs.state } }),
      model: () => {
        const g = new GraphBuilder();
        const xv = g.input('x', x.shape);
        const dt = g.reshape(g.input('delta', delta.shape), [b, len, d, 1]);
        const aBar = g.exp(g.mul(dt, g.reshape(g.input('A', A.shape), [1, 1, d, n]))); // [B, L, D, N]
        const bx = g.mul(g.mul(dt, g.reshape(g.input('Bmat', Bmat.shape), [b, len, 1, n])), g.reshape(xv, [b, len, d, 1]));
        const cv = g.input('C', C.shape);
        const at = (v: Value, t: number, shape: number[]) =>
          g.reshape(
            g.node('Slice', [v, g.constant([t], [1], 'int64'), g.constant([t + 1], [1], 'int64'), g.constant([1], [1], 'int64')]),
            shape,
          );
        let h: Value = g.input('h0', h0.shape);
        const ys: Value[] = [];
        for (let t = 0; t < len; t++) {
          h = g.add(g.mul(at(aBar, t, [b, d, n]), h), at(bx, t, [b, d, n]));
          ys.push(g.reduceSum(g.mul(h, at(cv, t, [b, 1, n])), [2])); // [B, D, 1]
        }
        const stacked = g.transpose(g.node('Concat', ys, { axis: 2 }), [0, 2, 1]); // [B, L, D]
        g.output(g.add(stacked, g.mul(xv, g.reshape(g.input('Dskip', Dskip.shape), [1, 1, d]))), 'y', [b, len, d]);
        g.output(h, 'state', [b, d, n]);
        return g.build('selective-scan');
      },
    };
  },
});
