import { GraphBuilder, type Value } from '../../../src/onnx/GraphBuilder';
import { defineOnnxReference, shapeKey } from '../../../src/onnx/formulation';
import type { TensorSpec } from '../../../src/judge/inputs';
import type { ArgSpec } from '../../../src/judge/problem';

/** MLM corruption with Equal/Or/Less/Where and the picked-position loss with LogSoftmax + GatherElements. */
export default defineOnnxReference({
  forCase(args: ArgSpec[]) {
    const [ids, specialIds, maskId, rate, uSelect, uAction, randomIds, logits] = args as [TensorSpec, number[], number, number, TensorSpec, TensorSpec, TensorSpec, TensorSpec];
    const feeds = { ids, uSelect, uAction, randomIds, logits };
    return {
      key: shapeKey(feeds, `mlm:${specialIds.join(',')}:${maskId}:${rate}`),
      feeds,
      assemble: (outputs) => ({ kind: 'object', entries: { inputIds: outputs.inputIds, labels: outputs.labels, loss: outputs.loss } }),
      model: () => {
        const g = new GraphBuilder();
        const [B, T] = ids.shape;
        const idsV = g.input('ids', ids.shape, 'int32');
        const uSel = g.input('uSelect', uSelect.shape);
        const uAct = g.input('uAction', uAction.shape);
        const rnd = g.input('randomIds', randomIds.shape, 'int32');
        const logitsV = g.input('logits', logits.shape);
        const int = (v: number) => g.constant([v], [], 'int32');
        const real = (v: number) => g.constant([v], [], 'float32');
        let special: Value = g.cast(g.constant(new Array(B * T).fill(0), [B, T], 'int32'), 'bool');
        for (const s of specialIds) special = g.node('Or', [special, g.node('Equal', [idsV, int(s)])]);
        const picked = g.node('And', [g.node('Not', [special]), g.node('Less', [uSel, real(rate)])]);
        // uAction bands: [0, 0.8) mask, [0.8, 0.9) random, [0.9, 1) keep.
        const below08 = g.node('Less', [uAct, real(0.8)]);
        const below09 = g.node('Less', [uAct, real(0.9)]);
        const maskHere = g.node('And', [picked, below08]);
        const randomHere = g.node('And', [picked, g.node('And', [g.node('Not', [below08]), below09])]);
        const fillInt = (v: number) => g.constant(new Array(B * T).fill(v), [B, T], 'int32');
        const corrupted = g.where(maskHere, fillInt(maskId), g.where(randomHere, rnd, idsV));
        const labels = g.where(picked, idsV, fillInt(-100));
        const logp = g.node('GatherElements', [g.node('LogSoftmax', [logitsV], { axis: -1 }), g.reshape(idsV, [B, T, 1])], { axis: 2 });
        const weight = g.cast(picked, 'float32');
        const loss = g.div(g.reduceSum(g.mul(g.neg(g.reshape(logp, [B, T])), weight), [0, 1], false), g.reduceSum(weight, [0, 1], false));
        g.output(corrupted, 'inputIds', [B, T], 'int32');
        g.output(labels, 'labels', [B, T], 'int32');
        g.output(loss, 'loss', []);
        return g.build('bert-mlm-masking');
      },
    };
  },
});
