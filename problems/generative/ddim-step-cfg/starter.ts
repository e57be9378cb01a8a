import * as tf from '@tensorflow/tfjs';

/**
 * One reverse-diffusion step with classifier-free guidance. Timesteps are 0-based, ᾱ_{−1} = 1.
 *
 * xt, epsUncond, epsCond, z: [B, D]; alphaBar: [T] (ᾱ_0 .. ᾱ_{T−1}); 0 ≤ t < T; −1 ≤ tPrev < t.
 *   ε̂ = ε_u + guidance·(ε_c − ε_u)
 *   DDPM (t → t−1): α_t = ᾱ_t/ᾱ_{t−1}, β_t = 1 − α_t,
 *     μ = (x_t − β_t/√(1−ᾱ_t)·ε̂)/√α_t,  σ_t = √((1−ᾱ_{t−1})/(1−ᾱ_t)·β_t),  x_{t−1} = μ + σ_t·z
 *   DDIM, η = 0 (t → tPrev): x̂0 = (x_t − √(1−ᾱ_t)·ε̂)/√ᾱ_t,  x_prev = √ᾱ_prev·x̂0 + √(1−ᾱ_prev)·ε̂
 * Returns { eps: ε̂, ddpm: x_{t−1}, ddim: x_prev }, each [B, D] float32.
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
  // TODO: guided ε̂, then the DDPM ancestral step and the deterministic DDIM step
  throw new Error('TODO');
}
