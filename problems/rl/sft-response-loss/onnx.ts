import { GraphBuilder, type Value } from '../../../src/onnx/GraphBuilder';
import { defineOnnxReference, shapeKey } from '../../../src/onnx/formulation';
import type { TensorSpec } from '../../../src/judge/inputs';
import type { ArgSpec } from '../../../src/judge/problem';

/** Labels by Where, shifted LogSoftmax + GatherElements, and both reductions, as an ONNX graph. */
export default defineOnnxReference({
  forCase(args: ArgSpec[]) {
    const [logits, tokenIds, promptLengths, padId, reduction] = args as [TensorSpec, TensorSpec, TensorSpec, number, 'token' | 'sequence'];
    const feeds = { logits, tokenIds, promptLengths };
    return {
      key: shapeKey(feeds, `pad:${padId};${reduction}`),
      feeds,
      assemble: (outputs) => ({ kind: 'object', entries: { labels: outputs.labels, loss: outputs.loss } }),
      model: () => {
        const g = new GraphBuilder();
        const [B, T, V] = logits.shape;
        const slice = (x: Value, axis: number, start: number, end: number) =>
          g.node('Slice', [x, g.constant([start], [1], 'int64'), g.constant([end], [1], 'int64'), g.constant([axis], [1], 'int64')]);
        const ids = g.input('tokenIds', [B, T], 'int32');
        const prompts = g.reshape(g.input('promptLengths', [B], 'int32'), [B, 1]);
        const positions = g.constant(Array.from({ length: T }, (_, t) => t), [1, T], 'int32');
        const pastPrompt = g.node('Not', [g.node('Less', [positions, prompts])]);
        const notPad = g.node('Not', [g.node('Equal', [ids, g.constant([padId], [], 'int32')])]);
        const trained = g.node('And', [pastPrompt, notPad]);
        const labels = g.where(trained, ids, g.constant([-100], [], 'int32'));
        g.output(labels, 'labels', [B, T], 'int32');
        const targets = slice(labels, 1, 1, T);
        const keep = slice(trained, 1, 1, T);
        const mask = g.cast(keep, 'float32');
        const safe = g.where(keep, targets, g.constant([0], [], 'int32'));
        const logp = g.node('LogSoftmax', [slice(g.input('logits', [B, T, V]), 1, 0, T - 1)], { axis: 2 });
        const picked = g.reshape(g.node('GatherElements', [logp, g.reshape(safe, [B, T - 1, 1])], { axis: 2 }), [B, T - 1]);
        const nll = g.mul(g.neg(picked), mask);
        const atLeastOne = (x: Value) => g.node('Max', [x, g.scalar(1)]);
        let loss: Value;
        if (reduction === 'token') {
          loss = g.div(g.reduceSum(nll, [0, 1], false), atLeastOne(g.reduceSum(mask, [0, 1], false)));
        } else {
          const count = g.reduceSum(mask, [1], false);
          const rowMean = g.div(g.reduceSum(nll, [1], false), atLeastOne(count));
          const rows = g.cast(g.node('Greater', [count, g.scalar(0)]), 'float32');
          loss = g.div(g.reduceSum(g.mul(rowMean, rows), [0], false), atLeastOne(g.reduceSum(rows, [0], false)));
        }
        g.output(loss, 'loss', []);
        return g.build('sft-response-loss');
      },
    };
  },
});
