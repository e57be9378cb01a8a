import { GraphBuilder } from '../../../src/onnx/GraphBuilder';
import { defineOnnxReference, shapeKey } from '../../../src/onnx/formulation';
import type { TensorSpec } from '../../../src/judge/inputs';
import type { ArgSpec } from '../../../src/judge/problem';

/** DAPO: length penalty with Where, group filter with ReduceMax/ReduceMin, asymmetric Clip, token-level mean. */
export default defineOnnxReference({
  forCase(args: ArgSpec[]) {
    const [logProbs, oldLogProbs, responseMask, rewards, G, epsLow, epsHigh, maxLength, cacheLength, eps] = args as [
      TensorSpec, TensorSpec, TensorSpec, TensorSpec, number, number, number, number, number, number,
    ];
    const feeds = { logProbs, oldLogProbs, responseMask, rewards };
    return {
      key: shapeKey(feeds, `G:${G};lo:${epsLow};hi:${epsHigh};L:${maxLength};c:${cacheLength};eps:${eps}`),
      feeds,
      assemble: (o) => ({ kind: 'object', entries: { loss: o.loss, advantages: o.advantages, shapedRewards: o.shapedRewards } }),
      model: () => {
        const g = new GraphBuilder();
        const [N, T] = logProbs.shape;
        const groups = N / G;
        const mask = g.input('responseMask', [N, T]);
        const r = g.input('rewards', [N]);
        const length = g.reduceSum(mask, [1], false);
        const ramp = g.div(g.sub(g.scalar(maxLength - cacheLength), length), g.scalar(cacheLength));
        const inRamp = g.where(g.node('LessOrEqual', [length, g.scalar(maxLength)]), ramp, g.scalar(-1));
        const penalty = g.where(g.node('LessOrEqual', [length, g.scalar(maxLength - cacheLength)]), g.scalar(0), inRamp);
        const shaped = g.add(r, penalty);
        g.output(shaped, 'shapedRewards', [N]);
        const raw = g.reshape(r, [groups, G]);
        const keptGroup = g.cast(g.node('Greater', [g.node('ReduceMax', [raw], { axes: [1], keepdims: 1 }), g.node('ReduceMin', [raw], { axes: [1], keepdims: 1 })]), 'float32');
        const kept = g.reshape(g.node('Expand', [keptGroup, g.constant([groups, G], [2], 'int64')]), [N]);
        const grouped = g.reshape(shaped, [groups, G]);
        const dev = g.sub(grouped, g.reduceMean(grouped, [1]));
        const std = g.sqrt(g.reduceMean(g.mul(dev, dev), [1]));
        const adv = g.mul(g.reshape(g.div(dev, g.add(std, g.scalar(eps))), [N]), kept);
        g.output(adv, 'advantages', [N]);
        const A = g.reshape(adv, [N, 1]);
        const ratio = g.exp(g.sub(g.input('logProbs', [N, T]), g.input('oldLogProbs', [N, T])));
        const clipped = g.node('Clip', [ratio, g.scalar(1 - epsLow), g.scalar(1 + epsHigh)]);
        const s = g.node('Min', [g.mul(ratio, A), g.mul(clipped, A)]);
        const tokenMask = g.mul(mask, g.reshape(kept, [N, 1]));
        const total = g.reduceSum(g.where(g.node('Greater', [tokenMask, g.scalar(0)]), s, g.scalar(0)), [0, 1], false);
        const count = g.node('Max', [g.reduceSum(tokenMask, [0, 1], false), g.scalar(1)]);
        g.output(g.neg(g.div(total, count)), 'loss', []);
        return g.build('dapo-objective');
      },
    };
  },
});
