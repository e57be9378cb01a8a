import { GraphBuilder, type Value } from '../../../src/onnx/GraphBuilder';
import { defineOnnxReference, shapeKey } from '../../../src/onnx/formulation';
import type { TensorSpec } from '../../../src/judge/inputs';
import type { ArgSpec } from '../../../src/judge/problem';

/**
 * The schedule lookups happen in the graph: ᾱ is padded in front with 1 (ᾱ_{−1}) and gathered at
 * t + 1, t and tPrev + 1; every coefficient is then computed from those scalars.
 */
export default defineOnnxReference({
  forCase(args: ArgSpec[]) {
    const [xt, t, tPrev, alphaBar, epsUncond, epsCond, guidance, z] = args as [TensorSpec, number, number, TensorSpec, TensorSpec, TensorSpec, number, TensorSpec];
    const feeds = { xt, alphaBar, epsUncond, epsCond, z };
    return {
      key: shapeKey(feeds, `t:${t}:${tPrev}:w:${guidance}`),
      feeds,
      assemble: (outputs) => ({ kind: 'object', entries: { eps: outputs.eps, ddpm: outputs.ddpm, ddim: outputs.ddim } }),
      model: () => {
        const g = new GraphBuilder();
        const shape = xt.shape;
        const x = g.input('xt', shape);
        const eu = g.input('epsUncond', shape);
        const ec = g.input('epsCond', shape);
        const padded = g.node('Concat', [g.constant([1], [1]), g.input('alphaBar', alphaBar.shape)], { axis: 0 });
        const at = (i: number) => g.node('Gather', [padded, g.constant([i + 1], [], 'int64')], { axis: 0 });
        const one = g.scalar(1);
        const sqrt = (v: Value) => g.sqrt(v);
        const eps = g.add(eu, g.mul(g.scalar(guidance), g.sub(ec, eu)));

        const abT = at(t);
        const abPrev = at(t - 1);
        const alpha = g.div(abT, abPrev);
        const beta = g.sub(one, alpha);
        const mean = g.div(g.sub(x, g.mul(g.div(beta, sqrt(g.sub(one, abT))), eps)), sqrt(alpha));
        const variance = g.mul(g.div(g.sub(one, abPrev), g.sub(one, abT)), beta);
        const ddpm = g.add(mean, g.mul(sqrt(variance), g.input('z', shape)));

        const abTarget = at(tPrev);
        const x0 = g.div(g.sub(x, g.mul(sqrt(g.sub(one, abT)), eps)), sqrt(abT));
        const ddim = g.add(g.mul(sqrt(abTarget), x0), g.mul(sqrt(g.sub(one, abTarget)), eps));
        g.output(eps, 'eps', shape);
        g.output(ddpm, 'ddpm', shape);
        g.output(ddim, 'ddim', shape);
        return g.build('ddim-step-cfg');
      },
    };
  },
});
