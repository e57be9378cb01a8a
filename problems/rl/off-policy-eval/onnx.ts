import { GraphBuilder, type Value } from '../../../src/onnx/GraphBuilder';
import { defineOnnxReference, shapeKey } from '../../../src/onnx/formulation';
import type { TensorSpec } from '../../../src/judge/inputs';
import type { ArgSpec } from '../../../src/judge/problem';

/**
 * Importance-sampling estimators as an ONNX graph: masked per-step ratios, their running product
 * unrolled over time (Slice + Mul + Concat), γ^t as a constant row, masked sums and a guarded Where
 * for the weighted estimate.
 */
export default defineOnnxReference({
  forCase(args: ArgSpec[]) {
    const [rewards, behaviorProbs, targetProbs, mask, gamma] = args as [TensorSpec, TensorSpec, TensorSpec, TensorSpec, number];
    const feeds = { rewards, behaviorProbs, targetProbs, mask };
    return {
      key: shapeKey(feeds, `gamma:${gamma}`),
      feeds,
      assemble: (outputs) => ({
        kind: 'object',
        entries: { ordinary: outputs.ordinary, weighted: outputs.weighted, perDecision: outputs.perDecision, weights: outputs.weights },
      }),
      model: () => {
        const g = new GraphBuilder();
        const [N, T] = rewards.shape;
        const r = g.input('rewards', [N, T]);
        const mu = g.input('behaviorProbs', [N, T]);
        const pi = g.input('targetProbs', [N, T]);
        const m = g.input('mask', [N, T]);
        const valid = g.node('Greater', [m, g.scalar(0.5)]);
        const w = g.where(valid, g.div(pi, mu), g.scalar(1));
        const rMasked = g.where(valid, r, g.scalar(0));
        const i64 = (v: number) => g.constant([v], [1], 'int64');
        const column = (x: Value, t: number) => g.node('Slice', [x, i64(t), i64(t + 1), i64(1)]); // [N, 1]
        const prefix: Value[] = [];
        for (let t = 0; t < T; t++) prefix.push(t === 0 ? column(w, 0) : g.mul(prefix[t - 1], column(w, t)));
        const rho = T === 1 ? prefix[0] : g.node('Concat', prefix, { axis: 1 }); // [N, T], ρ_{0:t}
        const discount = g.constant(Array.from({ length: T }, (_, t) => Math.pow(gamma, t)), [1, T]);
        const discounted = g.mul(discount, rMasked);
        const returns = g.reduceSum(discounted, [1], false); // [N]
        const weights = g.reshape(prefix[T - 1], [N]);
        const weightedSum = g.reduceSum(g.mul(weights, returns), [0], false);
        const total = g.reduceSum(weights, [0], false);
        const count = g.scalar(N);
        g.output(g.div(weightedSum, count), 'ordinary', []);
        g.output(g.where(g.node('Greater', [total, g.scalar(0)]), g.div(weightedSum, total), g.scalar(0)), 'weighted', []);
        g.output(g.div(g.reduceSum(g.mul(rho, discounted), [0, 1], false), count), 'perDecision', []);
        g.output(weights, 'weights', [N]);
        return g.build('off-policy-eval');
      },
    };
  },
});
