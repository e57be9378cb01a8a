import { GraphBuilder } from '../../../src/onnx/GraphBuilder';
import { defineOnnxReference, shapeKey } from '../../../src/onnx/formulation';
import type { TensorSpec } from '../../../src/judge/inputs';
import type { ArgSpec } from '../../../src/judge/problem';

/** Shifted LogSoftmax + GatherElements, masked with Where, as an ONNX graph. */
export default defineOnnxReference({
  forCase(args: ArgSpec[]) {
    const [logits, tokenIds, responseMask] = args as [TensorSpec, TensorSpec, TensorSpec];
    const feeds = { logits, tokenIds, responseMask };
    return {
      key: shapeKey(feeds),
      feeds,
      assemble: (outputs) => ({
        kind: 'object',
        entries: { tokenLogprobs: outputs.tokenLogprobs, sumLogprob: outputs.sumLogprob, meanLogprob: outputs.meanLogprob },
      }),
      model: () => {
        const g = new GraphBuilder();
        const [B, T, V] = logits.shape;
        const slice = (x: ReturnType<GraphBuilder['input']>, axis: number, start: number, end: number) =>
          g.node('Slice', [x, g.constant([start], [1], 'int64'), g.constant([end], [1], 'int64'), g.constant([axis], [1], 'int64')]);
        const z = slice(g.input('logits', [B, T, V]), 1, 0, T - 1);
        const targets = slice(g.input('tokenIds', [B, T], 'int32'), 1, 1, T);
        const mask = slice(g.input('responseMask', [B, T]), 1, 1, T);
        const logp = g.node('LogSoftmax', [z], { axis: 2 });
        const picked = g.reshape(g.node('GatherElements', [logp, g.reshape(targets, [B, T - 1, 1])], { axis: 2 }), [B, T - 1]);
        const kept = g.where(g.node('Greater', [mask, g.scalar(0)]), picked, g.scalar(0));
        const sum = g.reduceSum(kept, [1], false);
        const count = g.node('Max', [g.reduceSum(mask, [1], false), g.scalar(1)]);
        g.output(kept, 'tokenLogprobs', [B, T - 1]);
        g.output(sum, 'sumLogprob', [B]);
        g.output(g.div(sum, count), 'meanLogprob', [B]);
        return g.build('response-logprobs');
      },
    };
  },
});
