import { GraphBuilder, type Value } from '../../../src/onnx/GraphBuilder';
import { defineOnnxReference, shapeKey } from '../../../src/onnx/formulation';
import type { TensorSpec } from '../../../src/judge/inputs';
import type { ArgSpec } from '../../../src/judge/problem';

/**
 * V-trace as an ONNX graph: ratios by Exp, truncation by Min, and the backward recursion of the
 * corrections unrolled over time with Slice / Concat (all rows at once).
 */
export default defineOnnxReference({
  forCase(args: ArgSpec[]) {
    const [behaviorLogProbs, targetLogProbs, rewards, values, dones, gamma, rhoBar, cBar] = args as [
      TensorSpec,
      TensorSpec,
      TensorSpec,
      TensorSpec,
      TensorSpec,
      number,
      number,
      number,
    ];
    const feeds = { behaviorLogProbs, targetLogProbs, rewards, values, dones };
    return {
      key: shapeKey(feeds, `${gamma}:${rhoBar}:${cBar}`),
      feeds,
      assemble: (o) => ({ kind: 'object', entries: { vs: o.vs, pgAdvantages: o.pgAdvantages } }),
      model: () => {
        const g = new GraphBuilder();
        const [N, T] = rewards.shape;
        const mu = g.input('behaviorLogProbs', [N, T]);
        const pi = g.input('targetLogProbs', [N, T]);
        const r = g.input('rewards', [N, T]);
        const v = g.input('values', [N, T + 1]);
        const d = g.input('dones', [N, T]);
        const i64 = (x: number) => g.constant([x], [1], 'int64');
        const cols = (x: Value, from: number, to: number) => g.node('Slice', [x, i64(from), i64(to), i64(1)]);
        const ratio = g.exp(g.sub(pi, mu));
        const rho = g.node('Min', [ratio, g.scalar(rhoBar)]);
        const c = g.node('Min', [ratio, g.scalar(cBar)]);
        const disc = g.mul(g.scalar(gamma), g.sub(g.scalar(1), d));
        const vNow = cols(v, 0, T);
        const vNext = cols(v, 1, T + 1);
        const delta = g.mul(rho, g.sub(g.add(r, g.mul(disc, vNext)), vNow));
        const discC = g.mul(disc, c);
        const corr: Value[] = new Array(T + 1);
        corr[T] = g.constant(new Array(N).fill(0), [N, 1]);
        for (let t = T - 1; t >= 0; t--) corr[t] = g.add(cols(delta, t, t + 1), g.mul(cols(discC, t, t + 1), corr[t + 1]));
        const vsFull = g.add(v, g.node('Concat', corr, { axis: 1 })); // [N, T + 1]
        const vs = cols(vsFull, 0, T);
        const adv = g.mul(rho, g.sub(g.add(r, g.mul(disc, cols(vsFull, 1, T + 1))), vNow));
        g.output(vs, 'vs', [N, T]);
        g.output(adv, 'pgAdvantages', [N, T]);
        return g.build('v-trace');
      },
    };
  },
});
