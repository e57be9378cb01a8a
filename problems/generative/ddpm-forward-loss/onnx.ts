import { GraphBuilder } from '../../../src/onnx/GraphBuilder';
import { defineOnnxReference, shapeKey } from '../../../src/onnx/formulation';
import type { TensorSpec } from '../../../src/judge/inputs';
import type { ArgSpec } from '../../../src/judge/problem';

/** The β table as graph constants; ᾱ as Exp(CumSum(Log(1 − β))), then Gather, the noising and the MSE. */
export default defineOnnxReference({
  forCase(args: ArgSpec[]) {
    const [x0, t, noise, w, b, schedule, T] = args as [TensorSpec, TensorSpec, TensorSpec, TensorSpec, TensorSpec, 'linear' | 'cosine', number];
    const feeds = { x0, t, noise, w, b };
    return {
      key: shapeKey(feeds, `${schedule}:${T}`),
      feeds,
      assemble: (outputs) => ({ kind: 'object', entries: { alphaBar: outputs.alphaBar, xt: outputs.xt, loss: outputs.loss } }),
      model: () => {
        const betas: number[] = [];
        for (let i = 0; i < T; i++) {
          if (schedule === 'linear') {
            betas.push(0.0001 + (i / (T - 1)) * (0.02 - 0.0001));
          } else {
            const alphaBarAt = (u: number) => Math.cos(((u / T + 0.008) / 1.008) * (Math.PI / 2)) ** 2;
            betas.push(Math.min(1 - alphaBarAt(i + 1) / alphaBarAt(i), 0.999));
          }
        }
        const g = new GraphBuilder();
        const [B, D] = x0.shape;
        const one = g.scalar(1);
        const logAlpha = g.log(g.sub(one, g.constant(betas, [T])));
        const alphaBar = g.exp(g.node('CumSum', [logAlpha, g.constant([0], [], 'int64')]));
        const ab = g.reshape(g.node('Gather', [alphaBar, g.input('t', t.shape, 'int32')], { axis: 0 }), [B, 1]);
        const noiseV = g.input('noise', noise.shape);
        const xt = g.add(g.mul(g.sqrt(ab), g.input('x0', x0.shape)), g.mul(g.sqrt(g.sub(one, ab)), noiseV));
        const epsPred = g.add(g.matMul(xt, g.input('w', w.shape)), g.input('b', b.shape));
        const err = g.sub(epsPred, noiseV);
        const loss = g.reduceMean(g.mul(err, err), [0, 1], false);
        g.output(alphaBar, 'alphaBar', [T]);
        g.output(xt, 'xt', [B, D]);
        g.output(loss, 'loss', []);
        return g.build('ddpm-forward-loss');
      },
    };
  },
});
