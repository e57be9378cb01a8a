import { GraphBuilder } from '../../../src/onnx/GraphBuilder';
import { defineOnnxReference, shapeKey } from '../../../src/onnx/formulation';
import type { TensorSpec } from '../../../src/judge/inputs';
import type { ArgSpec } from '../../../src/judge/problem';

/** Bradley–Terry loss as softplus(−z) = relu(−z) + log(1 + exp(−|z|)), and the strict accuracy, as an ONNX graph. */
export default defineOnnxReference({
  forCase(args: ArgSpec[]) {
    const [chosen, rejected, margin] = args as [TensorSpec, TensorSpec, TensorSpec | undefined];
    const feeds: Record<string, TensorSpec> = margin ? { chosen, rejected, margin } : { chosen, rejected };
    return {
      key: shapeKey(feeds, margin ? 'margin' : 'no-margin'),
      feeds,
      assemble: (outputs) => ({ kind: 'object', entries: { loss: outputs.loss, accuracy: outputs.accuracy } }),
      model: () => {
        const g = new GraphBuilder();
        const [B] = chosen.shape;
        const d = g.sub(g.input('chosen', [B]), g.input('rejected', [B]));
        const z = margin ? g.sub(d, g.input('margin', [B])) : d;
        const negZ = g.neg(z);
        const softplus = g.add(g.node('Relu', [negZ]), g.log(g.add(g.scalar(1), g.exp(g.neg(g.node('Abs', [z]))))));
        g.output(g.reduceMean(softplus, [0], false), 'loss', []);
        const correct = g.cast(g.node('Greater', [d, g.scalar(0)]), 'float32');
        g.output(g.reduceMean(correct, [0], false), 'accuracy', []);
        return g.build('reward-model-loss');
      },
    };
  },
});
