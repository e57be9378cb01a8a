import { GraphBuilder } from '../../../src/onnx/GraphBuilder';
import { defineOnnxReference, shapeKey } from '../../../src/onnx/formulation';
import type { TensorSpec } from '../../../src/judge/inputs';
import type { ArgSpec } from '../../../src/judge/problem';

/** Masked ReduceMin / ReduceProd / one-hot pick of the last step, ArgMax per problem and GatherElements accuracy. */
export default defineOnnxReference({
  forCase(args: ArgSpec[]) {
    const [stepScores, lengths, outcomeScores, correct, aggregation] = args as [TensorSpec, TensorSpec, TensorSpec, TensorSpec, string];
    const feeds = { stepScores, lengths, outcomeScores, correct };
    return {
      key: shapeKey(feeds, aggregation),
      feeds,
      assemble: (o) => ({
        kind: 'object',
        entries: { prmScores: o.prmScores, prmChoice: o.prmChoice, ormChoice: o.ormChoice, prmAccuracy: o.prmAccuracy, ormAccuracy: o.ormAccuracy },
      }),
      model: () => {
        const g = new GraphBuilder();
        const [P, K, S] = stepScores.shape;
        const x = g.input('stepScores', [P, K, S]);
        const len = g.reshape(g.cast(g.input('lengths', [P, K], 'int32'), 'float32'), [P, K, 1]);
        const orm = g.input('outcomeScores', [P, K]);
        const ok = g.cast(g.input('correct', [P, K], 'bool'), 'float32');
        const t = g.constant(Array.from({ length: S }, (_, i) => i), [1, 1, S]);
        let prm;
        if (aggregation === 'min') {
          const real = g.node('Less', [t, len]);
          prm = g.node('ReduceMin', [g.where(real, x, g.scalar(Infinity))], { axes: [2], keepdims: 0 });
        } else if (aggregation === 'product') {
          const real = g.node('Less', [t, len]);
          prm = g.node('ReduceProd', [g.where(real, x, g.scalar(1))], { axes: [2], keepdims: 0 });
        } else {
          const last = g.node('Equal', [t, g.sub(len, g.scalar(1))]);
          prm = g.reduceSum(g.where(last, x, g.scalar(0)), [2], false);
        }
        // ArgMax returns the first maximal index (select_last_index = 0).
        const pick = (scores: ReturnType<GraphBuilder['input']>) => g.node('ArgMax', [scores], { axis: 1, keepdims: 1 }); // [P, 1] int64
        const prmPick = pick(prm);
        const ormPick = pick(orm);
        const accuracy = (choice: ReturnType<GraphBuilder['input']>) => g.reduceMean(g.node('GatherElements', [ok, choice], { axis: 1 }), [0, 1], false);
        g.output(prm, 'prmScores', [P, K]);
        g.output(g.reshape(g.cast(prmPick, 'int32'), [P]), 'prmChoice', [P], 'int32');
        g.output(g.reshape(g.cast(ormPick, 'int32'), [P]), 'ormChoice', [P], 'int32');
        g.output(accuracy(prmPick), 'prmAccuracy', []);
        g.output(accuracy(ormPick), 'ormAccuracy', []);
        return g.build('process-reward');
      },
    };
  },
});
