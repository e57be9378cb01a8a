import { GraphBuilder } from '../../../src/onnx/GraphBuilder';
import { defineOnnxReference, shapeKey } from '../../../src/onnx/formulation';
import type { TensorSpec } from '../../../src/judge/inputs';
import type { ArgSpec } from '../../../src/judge/problem';

/** Discrete SAC as an ONNX graph: LogSoftmax, elementwise Min of the twin critics, reductions over actions. */
export default defineOnnxReference({
  forCase(args: ArgSpec[]) {
    const [rewards, dones, nextLogits, nextQ1, nextQ2, logits, q1, q2, logAlpha, gamma, targetEntropy] = args as [
      TensorSpec,
      TensorSpec,
      TensorSpec,
      TensorSpec,
      TensorSpec,
      TensorSpec,
      TensorSpec,
      TensorSpec,
      number,
      number,
      number,
    ];
    const feeds = { rewards, dones, nextLogits, nextQ1, nextQ2, logits, q1, q2 };
    return {
      key: shapeKey(feeds, `${logAlpha}:${gamma}:${targetEntropy}`),
      feeds,
      assemble: (o) => ({ kind: 'object', entries: { qTarget: o.qTarget, policyLoss: o.policyLoss, alphaLoss: o.alphaLoss } }),
      model: () => {
        const g = new GraphBuilder();
        const [B, A] = logits.shape;
        const r = g.input('rewards', [B]);
        const d = g.input('dones', [B]);
        const nl = g.input('nextLogits', [B, A]);
        const nq1 = g.input('nextQ1', [B, A]);
        const nq2 = g.input('nextQ2', [B, A]);
        const l = g.input('logits', [B, A]);
        const cq1 = g.input('q1', [B, A]);
        const cq2 = g.input('q2', [B, A]);
        const alpha = g.scalar(Math.exp(logAlpha));
        const nextLogp = g.node('LogSoftmax', [nl], { axis: -1 });
        const softV = g.reduceSum(g.mul(g.exp(nextLogp), g.sub(g.node('Min', [nq1, nq2]), g.mul(alpha, nextLogp))), [1], false);
        const qTarget = g.add(r, g.mul(g.scalar(gamma), g.mul(g.sub(g.scalar(1), d), softV)));
        const logp = g.node('LogSoftmax', [l], { axis: -1 });
        const p = g.exp(logp);
        const policyLoss = g.reduceMean(g.reduceSum(g.mul(p, g.sub(g.mul(alpha, logp), g.node('Min', [cq1, cq2]))), [1], false), [0], false);
        const alphaLoss = g.mul(g.scalar(-logAlpha), g.reduceMean(g.add(g.reduceSum(g.mul(p, logp), [1], false), g.scalar(targetEntropy)), [0], false));
        g.output(qTarget, 'qTarget', [B]);
        g.output(policyLoss, 'policyLoss', []);
        g.output(alphaLoss, 'alphaLoss', []);
        return g.build('sac-targets');
      },
    };
  },
});
