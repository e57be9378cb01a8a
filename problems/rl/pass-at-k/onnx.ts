import { GraphBuilder } from '../../../src/onnx/GraphBuilder';
import { defineOnnxReference, shapeKey } from '../../../src/onnx/formulation';
import type { TensorSpec } from '../../../src/judge/inputs';
import type { ArgSpec } from '../../../src/judge/problem';

/**
 * pass@k as an ONNX graph: for every problem the factors (1 − k/i) over i = 1 … max n, replaced by 1
 * outside n − c < i ≤ n, multiplied with ReduceProd; a Where applies the n − c < k rule.
 */
export default defineOnnxReference({
  forCase(args: ArgSpec[]) {
    const [n, c, k] = args as [TensorSpec, TensorSpec, number];
    const feeds = { n, c };
    const [P] = n.shape;
    const maxN = Math.max(...Array.from(n.data));
    return {
      key: shapeKey(feeds, `k:${k}:max:${maxN}`),
      feeds,
      assemble: (o) => ({ kind: 'object', entries: { perProblem: o.perProblem, mean: o.mean } }),
      model: () => {
        const g = new GraphBuilder();
        const nv = g.cast(g.input('n', [P], 'int32'), 'float32');
        const cv = g.cast(g.input('c', [P], 'int32'), 'float32');
        const wrong = g.reshape(g.sub(nv, cv), [P, 1]);
        const total = g.reshape(nv, [P, 1]);
        const i = g.constant(Array.from({ length: maxN }, (_, j) => j + 1), [1, maxN]);
        const inRange = g.node('And', [g.node('Greater', [i, wrong]), g.node('LessOrEqual', [i, total])]);
        const factors = g.where(inRange, g.sub(g.scalar(1), g.div(g.scalar(k), i)), g.scalar(1));
        const allWrong = g.node('ReduceProd', [factors], { axes: [1], keepdims: 0 });
        const per = g.where(g.node('Less', [g.sub(nv, cv), g.scalar(k)]), g.scalar(1), g.sub(g.scalar(1), allWrong));
        g.output(per, 'perProblem', [P]);
        g.output(g.reduceMean(per, [0], false), 'mean', []);
        return g.build('pass-at-k');
      },
    };
  },
});
