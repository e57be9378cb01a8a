import { GraphBuilder } from '../../../src/onnx/GraphBuilder';
import { defineOnnxReference, shapeKey } from '../../../src/onnx/formulation';
import type { TensorSpec } from '../../../src/judge/inputs';
import type { ArgSpec } from '../../../src/judge/problem';

/** softplus(x) written stably as relu(x) + log(1 + exp(−|x|)); the three batch-mean losses. */
export default defineOnnxReference({
  forCase(args: ArgSpec[]) {
    const [realLogits, fakeLogits] = args as [TensorSpec, TensorSpec];
    const feeds = { realLogits, fakeLogits };
    return {
      key: shapeKey(feeds),
      feeds,
      assemble: (outputs) => ({
        kind: 'object',
        entries: { discriminator: outputs.discriminator, generatorMinimax: outputs.generatorMinimax, generatorNonSaturating: outputs.generatorNonSaturating },
      }),
      model: () => {
        const g = new GraphBuilder();
        const softplus = (x: ReturnType<GraphBuilder['input']>) =>
          g.add(g.node('Relu', [x]), g.log(g.add(g.scalar(1), g.exp(g.neg(g.node('Abs', [x]))))));
        const r = g.input('realLogits', realLogits.shape);
        const f = g.input('fakeLogits', fakeLogits.shape);
        const realTerm = g.reduceMean(softplus(g.neg(r)), [0], false);
        const fakeTerm = g.reduceMean(softplus(f), [0], false);
        g.output(g.add(realTerm, fakeTerm), 'discriminator', []);
        g.output(g.neg(fakeTerm), 'generatorMinimax', []);
        g.output(g.reduceMean(softplus(g.neg(f)), [0], false), 'generatorNonSaturating', []);
        return g.build('gan-losses');
      },
    };
  },
});
