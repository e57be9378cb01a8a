import * as tf from '@tensorflow/tfjs';

/**
 * Independent solution: all schedule scalars folded in float64 JS into per-step coefficients, so
 * both samplers become a single affine combination a·x_t + c·ε̂ (+ σ·z).
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
  const ab = Array.from(alphaBar.dataSync());
  const abAt = (k: number) => (k < 0 ? 1 : ab[k]);

  const abT = abAt(t);
  const abTm1 = abAt(t - 1);
  const abP = abAt(tPrev);

  // DDPM coefficients
  const alpha = abT / abTm1;
  const beta = 1 - alpha;
  const cX = 1 / Math.sqrt(alpha);
  const cE = -beta / (Math.sqrt(alpha) * Math.sqrt(1 - abT));
  const betaTilde = ((1 - abTm1) / (1 - abT)) * beta;
  const sigma = Math.sqrt(Math.max(betaTilde, 0));

  // DDIM coefficients: x_prev = √(ᾱp/ᾱt)·x_t + (√(1−ᾱp) − √ᾱp·√(1−ᾱt)/√ᾱt)·ε̂
  const dX = Math.sqrt(abP) / Math.sqrt(abT);
  const dE = Math.sqrt(1 - abP) - (Math.sqrt(abP) * Math.sqrt(1 - abT)) / Math.sqrt(abT);

  return tf.tidy(() => {
    const eps = tf.add(
      tf.mul(epsUncond, 1 - guidance),
      tf.mul(epsCond, guidance),
    ) as tf.Tensor2D;
    const ddpm = tf.addN([
      tf.mul(xt, cX),
      tf.mul(eps, cE),
      tf.mul(z, sigma),
    ]) as tf.Tensor2D;
    const ddim = tf.add(tf.mul(xt, dX), tf.mul(eps, dE)) as tf.Tensor2D;
    return { eps, ddpm, ddim };
  });
}
