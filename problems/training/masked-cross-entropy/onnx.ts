import { GraphBuilder } from '../../../src/onnx/GraphBuilder';
import { defineOnnxReference, shapeKey } from '../../../src/onnx/formulation';
import type { TensorSpec } from '../../../src/judge/inputs';
import type { ArgSpec } from '../../../src/judge/problem';

/** Masked token cross-entropy and accuracy with LogSoftmax and GatherElements, as an ONNX graph. */
export default defineOnnxReference({
  forCase(args: ArgSpec[]) {
    const [logits, targets, padId] = args as [TensorSpec, TensorSpec, number];
    const feeds = { logits, targets };
    return {
      key: shapeKey(feeds, `pad:${padId}`),
      feeds,
      assemble: (outputs) => ({ kind: 'object', entries: { loss: outputs.loss, accuracy: outputs.accuracy } }),
      model: () => {
        const g = new GraphBuilder();
        const [B, T] = targets.shape;
        const logitsV = g.input('logits', logits.shape);
        const targetsV = g.input('targets', targets.shape, 'int32');
        // nll[b, t] = -log softmax(logits[b, t])[targets[b, t]]
        const picked = g.node('GatherElements', [g.node('LogSoftmax', [logitsV], { axis: -1 }), g.reshape(targetsV, [B, T, 1])], { axis: 2 });
        const nll = g.neg(g.reshape(picked, [B, T]));
        const real = g.cast(g.node('Not', [g.node('Equal', [targetsV, g.constant([padId], [], 'int32')])]), 'float32');
        const count = g.reduceSum(real, [0, 1], false);
        const loss = g.div(g.reduceSum(g.mul(nll, real), [0, 1], false), count);
        const predicted = g.cast(g.node('ArgMax', [logitsV], { axis: -1, keepdims: 0 }), 'int32');
        const correct = g.mul(g.cast(g.node('Equal', [predicted, targetsV]), 'float32'), real);
        const accuracy = g.div(g.reduceSum(correct, [0, 1], false), count);
        g.output(loss, 'loss', []);
        g.output(accuracy, 'accuracy', []);
        return g.build('masked-cross-entropy');
      },
    };
  },
});
