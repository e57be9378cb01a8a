import { GraphBuilder } from '../../../src/onnx/GraphBuilder';
import { defineOnnxReference, shapeKey, singleOutput } from '../../../src/onnx/formulation';
import type { TensorSpec } from '../../../src/judge/inputs';
import type { ArgSpec } from '../../../src/judge/problem';

/** Patchify with one rank-6 Reshape + Transpose, project with MatMul, Concat [CLS], add positions. */
export default defineOnnxReference({
  forCase(args: ArgSpec[]) {
    const [images, P, weight, bias, cls, pos] = args as [TensorSpec, number, TensorSpec, TensorSpec, TensorSpec, TensorSpec];
    const feeds = { images, weight, bias, cls, pos };
    return {
      key: shapeKey(feeds, `P:${P}`),
      feeds,
      assemble: singleOutput,
      model: () => {
        const g = new GraphBuilder();
        const [B, C, H, W] = images.shape;
        const [gh, gw, D] = [H / P, W / P, weight.shape[1]];
        const x = g.input('images', images.shape);
        // [B, C, gh, P, gw, P] → [B, gh, gw, C, P, P] → [B, N, C·P·P]
        const six = g.reshape(x, [B, C, gh, P, gw, P]);
        const patches = g.reshape(g.transpose(six, [0, 2, 4, 1, 3, 5]), [B, gh * gw, C * P * P]);
        const tokens = g.add(g.matMul(patches, g.input('weight', weight.shape)), g.input('bias', bias.shape));
        const clsRow = g.node('Expand', [g.reshape(g.input('cls', cls.shape), [1, 1, D]), g.constant([B, 1, D], [3], 'int64')]);
        const seq = g.node('Concat', [clsRow, tokens], { axis: 1 });
        g.output(g.add(seq, g.input('pos', pos.shape)), 'out', [B, 1 + gh * gw, D]);
        return g.build('vit-patch-embed');
      },
    };
  },
});
