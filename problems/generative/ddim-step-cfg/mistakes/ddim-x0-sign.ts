import * as tf from '@tensorflow/tfjs';

/**
 * One reverse-diffusion step from x_t with classifier-free guidance. Timesteps are 0-based;
 * ᾱ_{−1} = 1. Returns the guided noise, the DDPM ancestral sample x_{t−1} (posterior variance
 * β̃_t, noise z) and the deterministic DDIM (η = 0) sample at tPrev.
 */
export function diffusionStep(
  xt: tf.Tensor2D,
  t: number,
  tPrev: number,
  alphaBar: tf.Tensor1D,
  epsUncond: tf.Tensor2D,
  epsCond: tf.Tensor2D,
  guidance: number,
  z: tf.Tensor2D,
): { eps: tf.Tensor2D; ddpm: tf.Tensor2D; ddim: tf.Tensor2D } {
  const table = alphaBar.dataSync();
  const abar = (i: number) => (i < 0 ? 1 : table[i]);
  return tf.tidy(() => {
    const eps = epsUncond.add(epsCond.sub(epsUncond).mul(guidance)) as tf.Tensor2D;

    // DDPM ancestral step t → t − 1.
    const abT = abar(t);
    const abPrev = abar(t - 1);
    const alpha = abT / abPrev;
    const beta = 1 - alpha;
    const mean = xt.sub(eps.mul(beta / Math.sqrt(1 - abT))).div(Math.sqrt(alpha));
    const sigma = Math.sqrt(((1 - abPrev) / (1 - abT)) * beta);
    const ddpm = mean.add(z.mul(sigma)) as tf.Tensor2D;

    // DDIM (η = 0) step t → tPrev through the predicted x0.
    const abTarget = abar(tPrev);
    // Bug: the noise is added instead of subtracted when solving for x0.
    const x0 = xt.add(eps.mul(Math.sqrt(1 - abT))).div(Math.sqrt(abT));
    const ddim = x0.mul(Math.sqrt(abTarget)).add(eps.mul(Math.sqrt(1 - abTarget))) as tf.Tensor2D;
    return { eps, ddpm, ddim };
  });
}
