import { GraphBuilder } from '../../../src/onnx/GraphBuilder';
import { defineOnnxReference, shapeKey } from '../../../src/onnx/formulation';
import type { TensorSpec } from '../../../src/judge/inputs';
import type { ArgSpec } from '../../../src/judge/problem';
import type { Plain } from '../../../src/judge/compare';

/**
 * Distillation loss written as soft cross-entropy minus teacher entropy (the same KL, another road),
 * with the hard-label term picked by GatherElements instead of a one-hot product.
 */
export default defineOnnxReference({
  forCase(args: ArgSpec[]) {
    const [student, teacher, labels, temperature, alpha] = args as [TensorSpec, TensorSpec, TensorSpec, number, number];
    const feeds = { student, teacher, labels };
    return {
      key: shapeKey(feeds, `T:${temperature};a:${alpha}`),
      feeds,
      assemble: (outputs: Record<string, Plain>): Plain => ({ kind: 'object', entries: { loss: outputs.loss, ce: outputs.ce, kl: outputs.kl } }),
      model: () => {
        const g = new GraphBuilder();
        const [N] = student.shape;
        const s = g.input('student', student.shape);
        const t = g.input('teacher', teacher.shape);
        const logp1 = g.node('LogSoftmax', [s], { axis: -1 });
        const picked = g.node('GatherElements', [logp1, g.reshape(g.input('labels', labels.shape, 'int32'), [N, 1])], { axis: 1 });
        const ce = g.neg(g.reduceMean(picked, [0, 1], false));
        const logPt = g.node('LogSoftmax', [g.div(t, g.scalar(temperature))], { axis: -1 });
        const logPs = g.node('LogSoftmax', [g.div(s, g.scalar(temperature))], { axis: -1 });
        const pt = g.exp(logPt);
        const crossEnt = g.neg(g.reduceSum(g.mul(pt, logPs), [1]));
        const entropy = g.neg(g.reduceSum(g.mul(pt, logPt), [1]));
        const kl = g.reduceMean(g.sub(crossEnt, entropy), [0, 1], false);
        const loss = g.add(g.mul(ce, g.scalar(alpha)), g.mul(kl, g.scalar((1 - alpha) * temperature * temperature)));
        g.output(loss, 'loss', []);
        g.output(ce, 'ce', []);
        g.output(kl, 'kl', []);
        return g.build('distillation-loss');
      },
    };
  },
});
