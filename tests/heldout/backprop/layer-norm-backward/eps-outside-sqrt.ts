// Held-out wrong variant: puts eps outside the square root, normalizing by sqrt(var) + eps.
import * as tf from '@tensorflow/tfjs';

export function layerNormBackward(x: tf.Tensor, gamma: tf.Tensor1D, dy: tf.Tensor, eps: number) {
  return tf.tidy(() => {
    const D = x.shape[x.shape.length - 1];
    const x2 = x.reshape([-1, D]);
    const dy2 = dy.reshape([-1, D]);
    const mu = x2.mean(1, true);
    const xc = x2.sub(mu);
    const variance = xc.square().mean(1, true);
    const vpe = variance.sqrt().add(eps).square();
    const inv = vpe.rsqrt();
    const xhat = xc.mul(inv);

    const dxhat = dy2.mul(gamma);
    // d var = sum(dxhat * xc) * (-1/2) * (var + eps)^(-3/2)
    const dvar = dxhat.mul(xc).sum(1, true).mul(-0.5).mul(vpe.pow(-1.5));
    // d mu = -sum(dxhat) * inv + dvar * mean(-2 xc)   (the second term is zero up to rounding)
    const dmu = dxhat.sum(1, true).neg().mul(inv).add(dvar.mul(xc.mul(-2).mean(1, true)));
    const dx = dxhat.mul(inv).add(dvar.mul(xc).mul(2 / D)).add(dmu.div(D));

    return {
      dx: dx.reshape(x.shape),
      dgamma: dy2.mul(xhat).sum(0),
      dbeta: dy2.sum(0),
    };
  });
}
