import { GraphBuilder } from '../../../src/onnx/GraphBuilder';
import { defineOnnxReference, shapeKey } from '../../../src/onnx/formulation';
import type { TensorSpec } from '../../../src/judge/inputs';
import type { ArgSpec } from '../../../src/judge/problem';

/**
 * The second reference is ONNX's own GRU operator with linear_before_reset = 1 (the reset gate
 * applied to h·W_hn + b_hn, as in PyTorch), sharing no code with the tfjs loop. ONNX orders the
 * gate blocks z, r, h with weights [numDirections, 3H, inputSize] and bias [Wb | Rb] (6H), so the
 * problem's r, z, n columns are gathered into that order and transposed.
 */
export default defineOnnxReference({
  forCase(args: ArgSpec[]) {
    const [x, h0, wx, wh, bx, bh] = args as TensorSpec[];
    const feeds = { x, h0, wx, wh, bx, bh };
    const [B, T, D] = x.shape;
    const H = h0.shape[1];
    return {
      key: shapeKey(feeds, 'gru'),
      feeds,
      assemble: (outputs) => ({ kind: 'object', entries: { outputs: outputs.outputs, h: outputs.h } }),
      model: () => {
        const g = new GraphBuilder();
        const block = (k: number) => Array.from({ length: H }, (_, j) => k * H + j);
        // Problem blocks: 0 = r, 1 = z, 2 = n. ONNX order: z, r, h(n).
        const order = g.constant([...block(1), ...block(0), ...block(2)], [3 * H], 'int64');
        const gather = (name: string, spec: TensorSpec, axis: number) => g.node('Gather', [g.input(name, spec.shape), order], { axis });
        const W = g.reshape(g.transpose(gather('wx', wx, 1), [1, 0]), [1, 3 * H, D]);
        const R = g.reshape(g.transpose(gather('wh', wh, 1), [1, 0]), [1, 3 * H, H]);
        const bias = g.reshape(g.node('Concat', [gather('bx', bx, 0), gather('bh', bh, 0)], { axis: 0 }), [1, 6 * H]);
        const xs = g.transpose(g.input('x', x.shape), [1, 0, 2]); // [T, B, D]
        const initH = g.reshape(g.input('h0', h0.shape), [1, B, H]);
        const y = g.node('GRU', [xs, W, R, bias, null, initH], { hidden_size: H, linear_before_reset: 1 }); // [T, 1, B, H]
        const outputs = g.transpose(g.reshape(y, [T, B, H]), [1, 0, 2]); // [B, T, H]
        g.output(outputs, 'outputs', [B, T, H]);
        g.output(g.node('Gather', [outputs, g.constant([T - 1], [], 'int64')], { axis: 1 }), 'h', [B, H]);
        return g.build('gru');
      },
    };
  },
});
