import { GraphBuilder } from '../../../src/onnx/GraphBuilder';
import { defineOnnxReference, shapeKey } from '../../../src/onnx/formulation';
import type { TensorSpec } from '../../../src/judge/inputs';
import type { ArgSpec } from '../../../src/judge/problem';
import type { Plain } from '../../../src/judge/compare';

/**
 * The calibration (a sort and an interpolated order statistic) is data-dependent control flow, so
 * it is done here in plain JavaScript, written independently of the reference (weights of the two
 * neighbouring order statistics). The graph does the rest: fake-quant as lo + scale · round(...)
 * and the straight-through gradient as upstream · (x ≥ lo) · (x ≤ hi).
 */
function interpolated(sorted: number[], q: number): number {
  const pos = q * (sorted.length - 1);
  const below = Math.min(Math.floor(pos), sorted.length - 1);
  const above = Math.min(below + 1, sorted.length - 1);
  const w = pos - below;
  return (1 - w) * sorted[below] + w * sorted[above];
}

export default defineOnnxReference({
  forCase(args: ArgSpec[]) {
    const [x, calibration, numBits, method, percentile, upstream] = args as [TensorSpec, TensorSpec, number, string, number, TensorSpec];
    const sorted = Float64Array.from(calibration.data).sort();
    const values = Array.from(sorted);
    const lo = method === 'minmax' ? Math.min(...values) : interpolated(values, 1 - percentile / 100);
    const hi = method === 'minmax' ? Math.max(...values) : interpolated(values, percentile / 100);
    const step = hi > lo ? (hi - lo) / (Math.pow(2, numBits) - 1) : 1;
    const feeds = { x, upstream };
    return {
      key: shapeKey(feeds, `lo:${lo};hi:${hi};s:${step}`),
      feeds,
      assemble: (o: Record<string, Plain>): Plain => ({
        kind: 'object',
        entries: { lo: { kind: 'number', value: lo }, hi: { kind: 'number', value: hi }, out: o.out, grad: o.grad },
      }),
      model: () => {
        const g = new GraphBuilder();
        const X = g.input('x', x.shape);
        const U = g.input('upstream', upstream.shape);
        const loC = g.scalar(lo);
        const hiC = g.scalar(hi);
        const clipped = g.node('Min', [g.node('Max', [X, loC]), hiC]);
        const codes = g.node('Round', [g.div(g.sub(clipped, loC), g.scalar(step))]);
        g.output(g.add(loC, g.mul(codes, g.scalar(step))), 'out', x.shape);
        const inside = g.mul(g.cast(g.node('GreaterOrEqual', [X, loC]), 'float32'), g.cast(g.node('LessOrEqual', [X, hiC]), 'float32'));
        g.output(g.mul(U, inside), 'grad', x.shape);
        return g.build('qat-ste');
      },
    };
  },
});
