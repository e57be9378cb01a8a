import { GraphBuilder } from '../../../src/onnx/GraphBuilder';
import { defineOnnxReference, shapeKey, singleOutput } from '../../../src/onnx/formulation';
import type { TensorSpec } from '../../../src/judge/inputs';
import type { ArgSpec } from '../../../src/judge/problem';

/**
 * The second reference: angles built and rotated inside the graph (Cos, Sin), rotate_half as a
 * matMul with a signed permutation matrix, log-space frequencies.
 */
export default defineOnnxReference({
  forCase(args: ArgSpec[]) {
    const [x, offset, base, scale, method] = args as [TensorSpec, number, number, number, 'linear' | 'ntk'];
    const feeds = { x };
    return {
      key: shapeKey(feeds, `rope-scaling:${offset}:${base}:${scale}:${method}`),
      feeds,
      assemble: singleOutput,
      model: () => {
        const g = new GraphBuilder();
        const [, , t, d] = x.shape;
        const half = d / 2;
        // ln base' = ln base + d/(d−2)·ln s for NTK; positions p/s for linear interpolation.
        const logBase = Math.log(base) + (method === 'ntk' ? (d / (d - 2)) * Math.log(scale) : 0);
        const invFreq = Array.from({ length: d }, (_, c) => Math.exp((-2 * (c % half) * logBase) / d));
        const positions = Array.from({ length: t }, (_, j) => (method === 'linear' ? (offset + j) / scale : offset + j));
        const angles = g.mul(g.constant(positions, [t, 1]), g.constant(invFreq, [1, d]));
        // rotate_half(x) = x · R with R[c + d/2, c] = −1 and R[c − d/2, c] = +1.
        const r = new Array(d * d).fill(0);
        for (let c = 0; c < half; c++) {
          r[(c + half) * d + c] = -1;
          r[c * d + c + half] = 1;
        }
        const xv = g.input('x', x.shape);
        const rotated = g.matMul(xv, g.constant(r, [d, d]));
        const out = g.add(g.mul(xv, g.node('Cos', [angles])), g.mul(rotated, g.node('Sin', [angles])));
        g.output(out, 'out', x.shape);
        return g.build('rope-scaling');
      },
    };
  },
});
