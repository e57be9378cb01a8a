import { GraphBuilder } from '../../../src/onnx/GraphBuilder';
import { defineOnnxReference, shapeKey } from '../../../src/onnx/formulation';
import type { TensorSpec } from '../../../src/judge/inputs';
import type { ArgSpec } from '../../../src/judge/problem';

/**
 * The staged chain rule (the "computational graph" derivation) as an ONNX graph, instead of the
 * simplified closed form the tfjs reference uses:
 *   dx̂ = dy·γ
 *   dσ² = Σ dx̂·(x − μ) · (−½)(σ² + ε)^(−3/2)
 *   dμ  = Σ dx̂·(−s) + dσ² · mean(−2(x − μ))
 *   dx  = dx̂·s + dσ²·2(x − μ)/N + dμ/N,   s = 1/√(σ² + ε), sums and means over the batch axis.
 */
export default defineOnnxReference({
  forCase(args: ArgSpec[]) {
    const [x, gamma, dy, eps] = args as [TensorSpec, TensorSpec, TensorSpec, number];
    const feeds = { x, gamma, dy };
    const [N, D] = x.shape;
    return {
      key: shapeKey(feeds, `bnb:${eps}`),
      feeds,
      assemble: (outputs) => ({ kind: 'object', entries: { dx: outputs.dx, dgamma: outputs.dgamma, dbeta: outputs.dbeta } }),
      model: () => {
        const g = new GraphBuilder();
        const xv = g.input('x', x.shape);
        const dyv = g.input('dy', dy.shape);
        const centered = g.sub(xv, g.reduceMean(xv, [0]));
        const variance = g.reduceMean(g.mul(centered, centered), [0]); // [1, D]
        const std = g.sqrt(g.add(variance, g.scalar(eps)));
        const s = g.div(g.scalar(1), std);
        const xhat = g.mul(centered, s);
        const dxhat = g.mul(dyv, g.input('gamma', gamma.shape));
        const dvar = g.mul(g.reduceSum(g.mul(dxhat, centered), [0]), g.div(g.scalar(-0.5), g.mul(g.mul(std, std), std)));
        const dmean = g.add(
          g.reduceSum(g.mul(dxhat, g.neg(s)), [0]),
          g.mul(dvar, g.reduceMean(g.mul(g.scalar(-2), centered), [0])),
        );
        const dx = g.add(g.add(g.mul(dxhat, s), g.mul(dvar, g.div(g.mul(g.scalar(2), centered), g.scalar(N)))), g.div(dmean, g.scalar(N)));
        g.output(dx, 'dx', [N, D]);
        g.output(g.reduceSum(g.mul(dyv, xhat), [0], false), 'dgamma', [D]);
        g.output(g.reduceSum(dyv, [0], false), 'dbeta', [D]);
        return g.build('batch-norm-backward');
      },
    };
  },
});
