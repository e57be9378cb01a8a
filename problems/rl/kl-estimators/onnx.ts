import { GraphBuilder } from '../../../src/onnx/GraphBuilder';
import { defineOnnxReference, shapeKey } from '../../../src/onnx/formulation';
import type { TensorSpec } from '../../../src/judge/inputs';
import type { ArgSpec } from '../../../src/judge/problem';

/** Exact KLs with LogSoftmax and the k1/k2/k3 estimators via GatherElements, as an ONNX graph. */
export default defineOnnxReference({
  forCase(args: ArgSpec[]) {
    const [policyLogits, refLogits, sampledTokens] = args as [TensorSpec, TensorSpec, TensorSpec];
    const feeds = { policyLogits, refLogits, sampledTokens };
    return {
      key: shapeKey(feeds),
      feeds,
      assemble: (o) => ({ kind: 'object', entries: { reverse: o.reverse, forward: o.forward, k1: o.k1, k2: o.k2, k3: o.k3 } }),
      model: () => {
        const g = new GraphBuilder();
        const [B, T, V] = policyLogits.shape;
        const logP = g.node('LogSoftmax', [g.input('policyLogits', [B, T, V])], { axis: 2 });
        const logQ = g.node('LogSoftmax', [g.input('refLogits', [B, T, V])], { axis: 2 });
        g.output(g.reduceSum(g.mul(g.exp(logP), g.sub(logP, logQ)), [2], false), 'reverse', [B, T]);
        g.output(g.reduceSum(g.mul(g.exp(logQ), g.sub(logQ, logP)), [2], false), 'forward', [B, T]);
        const idx = g.reshape(g.input('sampledTokens', [B, T], 'int32'), [B, T, 1]);
        const pick = (x: ReturnType<GraphBuilder['input']>) => g.reshape(g.node('GatherElements', [x, idx], { axis: 2 }), [B, T]);
        const r = g.sub(pick(logQ), pick(logP));
        g.output(g.neg(r), 'k1', [B, T]);
        g.output(g.mul(g.scalar(0.5), g.mul(r, r)), 'k2', [B, T]);
        g.output(g.sub(g.sub(g.exp(r), g.scalar(1)), r), 'k3', [B, T]);
        return g.build('kl-estimators');
      },
    };
  },
});
