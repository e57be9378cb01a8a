import { GraphBuilder } from '../../../src/onnx/GraphBuilder';
import { defineOnnxReference, shapeKey } from '../../../src/onnx/formulation';
import type { TensorSpec } from '../../../src/judge/inputs';
import type { ArgSpec } from '../../../src/judge/problem';

/**
 * Batch norm as an ONNX graph. Evaluation mode is ONNX's own BatchNormalization operator (which
 * normalizes with the given mean and variance); training mode is written out: two-pass per-channel
 * statistics over every axis but 1, then the momentum update with the unbiased variance.
 */
export default defineOnnxReference({
  forCase(args: ArgSpec[]) {
    const [x, gamma, beta, runningMean, runningVar, training, momentum, eps] = args as [
      TensorSpec, TensorSpec, TensorSpec, TensorSpec, TensorSpec, boolean, number, number,
    ];
    const feeds = { x, gamma, beta, runningMean, runningVar };
    const C = x.shape[1];
    return {
      key: shapeKey(feeds, `bn:${training}:${momentum}:${eps}`),
      feeds,
      assemble: (outputs) => ({ kind: 'object', entries: { y: outputs.y, runningMean: outputs.rm, runningVar: outputs.rv } }),
      model: () => {
        const g = new GraphBuilder();
        const xv = g.input('x', x.shape);
        const gv = g.input('gamma', [C]);
        const bv = g.input('beta', [C]);
        const rm = g.input('runningMean', [C]);
        const rv = g.input('runningVar', [C]);
        if (!training) {
          g.output(g.node('BatchNormalization', [xv, gv, bv, rm, rv], { epsilon: { float: eps } }), 'y', x.shape);
          g.output(rm, 'rm', [C]);
          g.output(rv, 'rv', [C]);
          return g.build('batch-norm-eval');
        }
        const axes = x.shape.map((_, i) => i).filter((i) => i !== 1);
        const perChannel = [1, C, ...x.shape.slice(2).map(() => 1)];
        const n = x.shape.reduce((a, b) => a * b, 1) / C;
        const mean = g.reduceMean(xv, axes); // [1, C, 1, ...]
        const centered = g.sub(xv, mean);
        const variance = g.reduceMean(g.mul(centered, centered), axes);
        const normalized = g.div(centered, g.sqrt(g.add(variance, g.scalar(eps))));
        g.output(g.add(g.mul(normalized, g.reshape(gv, perChannel)), g.reshape(bv, perChannel)), 'y', x.shape);
        const blend = (old: typeof rm, fresh: typeof rm) =>
          g.add(g.mul(old, g.scalar(1 - momentum)), g.mul(g.reshape(fresh, [C]), g.scalar(momentum)));
        g.output(blend(rm, mean), 'rm', [C]);
        g.output(blend(rv, g.mul(variance, g.scalar(n / (n - 1)))), 'rv', [C]);
        return g.build('batch-norm-train');
      },
    };
  },
});
