import { GraphBuilder } from '../../../src/onnx/GraphBuilder';
import { defineOnnxReference, shapeKey } from '../../../src/onnx/formulation';
import type { TensorSpec } from '../../../src/judge/inputs';
import type { ArgSpec } from '../../../src/judge/problem';

/** Mean cross-entropy and its gradient (softmax − onehot)/N with ONNX ops: the second reference. */
export default defineOnnxReference({
  forCase(args: ArgSpec[]) {
    const [logits, labels] = args as [TensorSpec, TensorSpec];
    const feeds = { logits, labels };
    return {
      key: shapeKey(feeds, 'sce'),
      feeds,
      assemble: (outputs) => ({ kind: 'object', entries: { loss: outputs.loss, dlogits: outputs.dlogits } }),
      model: () => {
        const g = new GraphBuilder();
        const [N, K] = logits.shape;
        const x = g.input('logits', logits.shape);
        const onehot = g.node('OneHot', [g.cast(g.input('labels', labels.shape, 'int32'), 'int64'), g.constant([K], [1], 'int64'), g.constant([0, 1], [2])], { axis: -1 });
        const logp = g.node('LogSoftmax', [x], { axis: -1 });
        const loss = g.div(g.neg(g.reduceSum(g.mul(logp, onehot), [0, 1], false)), g.scalar(N));
        const dlogits = g.div(g.sub(g.softmax(x, -1), onehot), g.scalar(N));
        g.output(loss, 'loss', []);
        g.output(dlogits, 'dlogits', [N, K]);
        return g.build('softmax-cross-entropy-grad');
      },
    };
  },
});
