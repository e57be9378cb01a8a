import { GraphBuilder } from '../../../src/onnx/GraphBuilder';
import { defineOnnxReference, shapeKey } from '../../../src/onnx/formulation';
import type { TensorSpec } from '../../../src/judge/inputs';
import type { ArgSpec } from '../../../src/judge/problem';

/** KTO: clamped batch KL reference point, both sigmoid branches, Where on the labels, as an ONNX graph. */
export default defineOnnxReference({
  forCase(args: ArgSpec[]) {
    const [policyLogps, refLogps, desirable, policyKlLogps, refKlLogps, beta, wD, wU] = args as [TensorSpec, TensorSpec, TensorSpec, TensorSpec, TensorSpec, number, number, number];
    const feeds = { policyLogps, refLogps, desirable, policyKlLogps, refKlLogps };
    return {
      key: shapeKey(feeds, `beta:${beta};wD:${wD};wU:${wU}`),
      feeds,
      assemble: (o) => ({ kind: 'object', entries: { loss: o.loss, kl: o.kl, losses: o.losses } }),
      model: () => {
        const g = new GraphBuilder();
        const [B] = policyLogps.shape;
        const kl = g.node('Max', [g.reduceMean(g.sub(g.input('policyKlLogps', [B]), g.input('refKlLogps', [B])), [0], false), g.scalar(0)]);
        const r = g.sub(g.input('policyLogps', [B]), g.input('refLogps', [B]));
        const sig = (x: ReturnType<GraphBuilder['input']>) => g.node('Sigmoid', [g.mul(x, g.scalar(beta))]);
        const good = g.mul(g.sub(g.scalar(1), sig(g.sub(r, kl))), g.scalar(wD));
        const bad = g.mul(g.sub(g.scalar(1), sig(g.sub(kl, r))), g.scalar(wU));
        const labelDtype = desirable.dtype === 'float32' ? 'float32' : 'bool';
        const label = g.input('desirable', [B], labelDtype);
        const isGood = labelDtype === 'bool' ? label : g.node('Not', [g.node('Equal', [label, g.scalar(0)])]);
        const losses = g.where(isGood, good, bad);
        g.output(losses, 'losses', [B]);
        g.output(kl, 'kl', []);
        g.output(g.reduceMean(losses, [0], false), 'loss', []);
        return g.build('kto-loss');
      },
    };
  },
});
