import { GraphBuilder, type Value } from '../../../src/onnx/GraphBuilder';
import { defineOnnxReference, shapeKey } from '../../../src/onnx/formulation';
import type { TensorSpec } from '../../../src/judge/inputs';
import type { ArgSpec } from '../../../src/judge/problem';

/**
 * The LSTM unrolled into one static ONNX graph (T is fixed per case shape). The input projection
 * of all T steps is one MatMul on x; each step gathers its slice, adds h·wh and reads the gate
 * blocks with Slice (columns [0,H) i, [H,2H) f, [2H,3H) g, [3H,4H) o).
 */
export default defineOnnxReference({
  forCase(args: ArgSpec[]) {
    const [x, h0, c0, wx, wh, b] = args as TensorSpec[];
    const feeds = { x, h0, c0, wx, wh, b };
    const [B, T] = x.shape;
    const H = h0.shape[1];
    return {
      key: shapeKey(feeds, 'lstm'),
      feeds,
      assemble: (outputs) => ({ kind: 'object', entries: { outputs: outputs.outputs, h: outputs.h, c: outputs.c } }),
      model: () => {
        const g = new GraphBuilder();
        const i64 = (values: number[]) => g.constant(values, [values.length], 'int64');
        const gate = (z: Value, k: number) => g.node('Slice', [z, i64([k * H]), i64([(k + 1) * H]), i64([1])]);
        const projected = g.add(g.matMul(g.input('x', x.shape), g.input('wx', wx.shape)), g.input('b', b.shape)); // [B, T, 4H]
        const whv = g.input('wh', wh.shape);
        let h = g.input('h0', h0.shape);
        let c = g.input('c0', c0.shape);
        const hs: Value[] = [];
        for (let t = 0; t < T; t++) {
          const z = g.add(g.node('Gather', [projected, g.constant([t], [], 'int64')], { axis: 1 }), g.matMul(h, whv)); // [B, 4H]
          const i = g.node('Sigmoid', [gate(z, 0)]);
          const f = g.node('Sigmoid', [gate(z, 1)]);
          const cand = g.node('Tanh', [gate(z, 2)]);
          const o = g.node('Sigmoid', [gate(z, 3)]);
          c = g.add(g.mul(f, c), g.mul(i, cand));
          h = g.mul(o, g.node('Tanh', [c]));
          hs.push(g.reshape(h, [B, 1, H]));
        }
        g.output(hs.length === 1 ? hs[0] : g.node('Concat', hs, { axis: 1 }), 'outputs', [B, T, H]);
        g.output(h, 'h', [B, H]);
        g.output(c, 'c', [B, H]);
        return g.build('lstm');
      },
    };
  },
});
