import { GraphBuilder } from '../../../src/onnx/GraphBuilder';
import { defineOnnxReference, shapeKey, singleOutput } from '../../../src/onnx/formulation';
import type { TensorSpec } from '../../../src/judge/inputs';
import type { ArgSpec } from '../../../src/judge/problem';

/**
 * Label-smoothed cross-entropy as (1−ε)·NLL + ε·mean over classes of −log p, which equals the
 * smoothed-target form: the second reference takes the other road to the same number.
 */
export default defineOnnxReference({
  forCase(args: ArgSpec[]) {
    const [logits, targets, epsilon] = args as [TensorSpec, TensorSpec, number];
    const feeds = { logits, targets };
    return {
      key: shapeKey(feeds, `eps:${epsilon}`),
      feeds,
      assemble: singleOutput,
      model: () => {
        const g = new GraphBuilder();
        const [N] = logits.shape;
        const logp = g.node('LogSoftmax', [g.input('logits', logits.shape)], { axis: -1 });
        const nll = g.neg(g.node('GatherElements', [logp, g.reshape(g.input('targets', targets.shape, 'int32'), [N, 1])], { axis: 1 }));
        const uniform = g.neg(g.reduceMean(logp, [1]));
        const perExample = g.add(g.mul(nll, g.scalar(1 - epsilon)), g.mul(uniform, g.scalar(epsilon)));
        g.output(g.reduceMean(perExample, [0, 1], false), 'out', []);
        return g.build('label-smoothing');
      },
    };
  },
});
