import { GraphBuilder } from '../../../src/onnx/GraphBuilder';
import { bandMask } from '../../../src/onnx/attention';
import { defineOnnxReference, shapeKey, singleOutput } from '../../../src/onnx/formulation';
import type { TensorSpec } from '../../../src/judge/inputs';
import type { ArgSpec } from '../../../src/judge/problem';

/** The slopes as the ALiBi paper's code computes them: a geometric sequence start·ratio^i with start = ratio = 2^(−8/n). */
function slopesPowerOfTwo(n: number): number[] {
  const start = Math.pow(2, -Math.pow(2, -(Math.log2(n) - 3)));
  return Array.from({ length: n }, (_, i) => start * Math.pow(start, i));
}

function slopes(nHeads: number): number[] {
  if (Number.isInteger(Math.log2(nHeads))) return slopesPowerOfTwo(nHeads);
  const closest = Math.pow(2, Math.floor(Math.log2(nHeads)));
  const extra = slopesPowerOfTwo(2 * closest).filter((_, i) => i % 2 === 0).slice(0, nHeads - closest);
  return [...slopesPowerOfTwo(closest), ...extra];
}

/** Causal attention with the ALiBi bias as a constant [H, t, t] table: the second, independent reference. */
export default defineOnnxReference({
  forCase(args: ArgSpec[]) {
    const [q, k, v] = args as [TensorSpec, TensorSpec, TensorSpec];
    const feeds = { q, k, v };
    return {
      key: shapeKey(feeds, 'alibi'),
      feeds,
      assemble: singleOutput,
      model: () => {
        const g = new GraphBuilder();
        const [, nHeads, t, d] = q.shape;
        const m = slopes(nHeads);
        // Distance table −(i − j) for j ≤ i (the masked entries are replaced below), times each slope.
        const distance: number[] = [];
        for (let i = 0; i < t; i++) for (let j = 0; j < t; j++) distance.push(j - i);
        const bias = g.mul(g.constant(m, [nHeads, 1, 1]), g.constant(distance, [t, t]));
        const scores = g.add(g.div(g.matMul(g.input('q', q.shape), g.transpose(g.input('k', k.shape), [0, 1, 3, 2])), g.scalar(Math.sqrt(d))), bias);
        const masked = g.where(bandMask(g, t, t), scores, g.scalar(-1e9));
        g.output(g.matMul(g.softmax(masked, -1), g.input('v', v.shape)), 'out', v.shape);
        return g.build('alibi');
      },
    };
  },
});
