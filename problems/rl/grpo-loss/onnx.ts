import { GraphBuilder, type Value } from '../../../src/onnx/GraphBuilder';
import { defineOnnxReference, shapeKey } from '../../../src/onnx/formulation';
import type { TensorSpec } from '../../../src/judge/inputs';
import type { ArgSpec } from '../../../src/judge/problem';

/** Group statistics via Reshape, clipped surrogate via Clip/Min, k3, masked reductions, as an ONNX graph. */
export default defineOnnxReference({
  forCase(args: ArgSpec[]) {
    const [logProbs, oldLogProbs, refLogProbs, rewards, responseMask, G, clipEps, beta, eps, normalization] = args as [
      TensorSpec, TensorSpec, TensorSpec, TensorSpec, TensorSpec, number, number, number, number, 'sequence' | 'token',
    ];
    const feeds = { logProbs, oldLogProbs, refLogProbs, rewards, responseMask };
    return {
      key: shapeKey(feeds, `G:${G};clip:${clipEps};beta:${beta};eps:${eps};${normalization}`),
      feeds,
      assemble: (outputs) => ({ kind: 'object', entries: { loss: outputs.loss, clipFraction: outputs.clipFraction, advantages: outputs.advantages } }),
      model: () => {
        const g = new GraphBuilder();
        const [N, T] = logProbs.shape;
        const lp = g.input('logProbs', [N, T]);
        const old = g.input('oldLogProbs', [N, T]);
        const ref = g.input('refLogProbs', [N, T]);
        const mask = g.input('responseMask', [N, T]);
        const grouped = g.reshape(g.input('rewards', [N]), [N / G, G]);
        const dev = g.sub(grouped, g.reduceMean(grouped, [1]));
        const std = g.sqrt(g.reduceMean(g.mul(dev, dev), [1]));
        const adv = g.reshape(g.div(dev, g.add(std, g.scalar(eps))), [N]);
        g.output(adv, 'advantages', [N]);
        const A = g.reshape(adv, [N, 1]);
        const ratio = g.exp(g.sub(lp, old));
        const clipped = g.node('Clip', [ratio, g.scalar(1 - clipEps), g.scalar(1 + clipEps)]);
        const surrogate = g.node('Min', [g.mul(ratio, A), g.mul(clipped, A)]);
        const d = g.sub(ref, lp);
        const k3 = g.sub(g.sub(g.exp(d), d), g.scalar(1));
        const o = g.sub(surrogate, g.mul(g.scalar(beta), k3));
        const keep = g.node('Greater', [mask, g.scalar(0)]);
        const kept = g.where(keep, o, g.scalar(0));
        let objective: Value;
        if (normalization === 'sequence') {
          objective = g.reduceMean(g.div(g.reduceSum(kept, [1], false), g.reduceSum(mask, [1], false)), [0], false);
        } else {
          objective = g.div(g.reduceSum(kept, [0, 1], false), g.reduceSum(mask, [0, 1], false));
        }
        g.output(g.neg(objective), 'loss', []);
        const zero = g.scalar(0);
        const high = g.node('And', [g.node('Greater', [ratio, g.scalar(1 + clipEps)]), g.node('Greater', [A, zero])]);
        const low = g.node('And', [g.node('Less', [ratio, g.scalar(1 - clipEps)]), g.node('Less', [A, zero])]);
        const binds = g.node('And', [g.node('Or', [high, low]), keep]);
        g.output(g.div(g.reduceSum(g.cast(binds, 'float32'), [0, 1], false), g.reduceSum(mask, [0, 1], false)), 'clipFraction', []);
        return g.build('grpo-loss');
      },
    };
  },
});
