import { GraphBuilder } from '../../../src/onnx/GraphBuilder';
import { defineOnnxReference, shapeKey } from '../../../src/onnx/formulation';
import type { TensorSpec } from '../../../src/judge/inputs';
import type { ArgSpec } from '../../../src/judge/problem';
import type { Plain } from '../../../src/judge/compare';

/**
 * The VAE loss as an ONNX graph: σ = sqrt(exp(logVar)), BCE as softplus(l) − l·x (Softplus is
 * stable in onnxruntime), KL in the form ½ Σ (μ² + σ² − 1 − log σ²).
 */
export default defineOnnxReference({
  forCase(args: ArgSpec[]) {
    const [x, mu, logVar, eps, wDec, bDec, beta] = args as [TensorSpec, TensorSpec, TensorSpec, TensorSpec, TensorSpec, TensorSpec, number];
    const feeds = { x, mu, logVar, eps, wDec, bDec };
    return {
      key: shapeKey(feeds, `beta:${beta}`),
      feeds,
      assemble: (o: Record<string, Plain>): Plain => ({ kind: 'object', entries: { loss: o.loss, recon: o.recon, kl: o.kl, z: o.z } }),
      model: () => {
        const g = new GraphBuilder();
        const X = g.input('x', x.shape);
        const M = g.input('mu', mu.shape);
        const LV = g.input('logVar', logVar.shape);
        const variance = g.exp(LV);
        const z = g.add(M, g.mul(g.sqrt(variance), g.input('eps', eps.shape)));
        const logits = g.add(g.matMul(z, g.input('wDec', wDec.shape)), g.input('bDec', bDec.shape));
        const bce = g.sub(g.node('Softplus', [logits]), g.mul(logits, X));
        const recon = g.reduceMean(g.reduceSum(bce, [1], false), [0], false);
        const klTerms = g.sub(g.sub(g.add(g.mul(M, M), variance), g.scalar(1)), LV);
        const kl = g.mul(g.reduceMean(g.reduceSum(klTerms, [1], false), [0], false), g.scalar(0.5));
        g.output(g.add(recon, g.mul(kl, g.scalar(beta))), 'loss', []);
        g.output(recon, 'recon', []);
        g.output(kl, 'kl', []);
        g.output(z, 'z', mu.shape);
        return g.build('vae-elbo');
      },
    };
  },
});
