import { GraphBuilder, type Value } from '../../../src/onnx/GraphBuilder';
import { defineOnnxReference, shapeKey } from '../../../src/onnx/formulation';
import type { TensorSpec } from '../../../src/judge/inputs';
import type { ArgSpec } from '../../../src/judge/problem';

/**
 * The three targets as an ONNX graph, written differently from the tfjs reference: Monte-Carlo and
 * λ-returns by their backward recursions (G^λ_t = r_t + γ(1 − d_t)[(1 − λ)V_{t+1} + λG^λ_{t+1}]),
 * n-step returns by a forward accumulation whose discount γ(1 − d) drops to 0 after a done.
 * Everything is unrolled over time on [N, 1] columns.
 */
export default defineOnnxReference({
  forCase(args: ArgSpec[]) {
    const [rewards, values, dones, gamma, n, lam] = args as [TensorSpec, TensorSpec, TensorSpec, number, number, number];
    const feeds = { rewards, values, dones };
    return {
      key: shapeKey(feeds, `${gamma}:${n}:${lam}`),
      feeds,
      assemble: (o) => ({ kind: 'object', entries: { nStep: o.nStep, lambdaReturn: o.lambdaReturn, monteCarlo: o.monteCarlo } }),
      model: () => {
        const g = new GraphBuilder();
        const [N, T] = rewards.shape;
        const r = g.input('rewards', [N, T]);
        const v = g.input('values', [N, T + 1]);
        const d = g.input('dones', [N, T]);
        const i64 = (x: number) => g.constant([x], [1], 'int64');
        const col = (x: Value, t: number) => g.node('Slice', [x, i64(t), i64(t + 1), i64(1)]);
        const keepAll = g.mul(g.scalar(gamma), g.sub(g.scalar(1), d));
        const rc = Array.from({ length: T }, (_, t) => col(r, t));
        const kc = Array.from({ length: T }, (_, t) => col(keepAll, t));
        const vc = Array.from({ length: T + 1 }, (_, t) => col(v, t));
        const concat = (xs: Value[]) => (xs.length === 1 ? xs[0] : g.node('Concat', xs, { axis: 1 }));

        const mc: Value[] = new Array(T);
        const lr: Value[] = new Array(T);
        let nextMc = vc[T];
        let nextL = vc[T];
        for (let t = T - 1; t >= 0; t--) {
          nextMc = g.add(rc[t], g.mul(kc[t], nextMc));
          nextL = g.add(rc[t], g.mul(kc[t], g.add(g.mul(g.scalar(1 - lam), vc[t + 1]), g.mul(g.scalar(lam), nextL))));
          mc[t] = nextMc;
          lr[t] = nextL;
        }

        const ns: Value[] = [];
        for (let t = 0; t < T; t++) {
          const m = Math.min(n, T - t);
          let acc: Value = g.mul(rc[t], g.scalar(1));
          let disc: Value = kc[t];
          for (let j = t + 1; j < t + m; j++) {
            acc = g.add(acc, g.mul(disc, rc[j]));
            disc = g.mul(disc, kc[j]);
          }
          ns.push(g.add(acc, g.mul(disc, vc[t + m])));
        }

        g.output(concat(ns), 'nStep', [N, T]);
        g.output(concat(lr), 'lambdaReturn', [N, T]);
        g.output(concat(mc), 'monteCarlo', [N, T]);
        return g.build('td-lambda');
      },
    };
  },
});
