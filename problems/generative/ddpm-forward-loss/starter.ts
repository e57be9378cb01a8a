import * as tf from '@tensorflow/tfjs';

/**
 * DDPM forward process q(x_t | x_0) and the ε-prediction loss, with 0-based timesteps t ∈ [0, T).
 *
 * Schedules (T = numSteps ≥ 2):
 *   linear: β_t = 1e-4 + (0.02 − 1e-4)·t/(T − 1)
 *   cosine: f(u) = cos²(((u/T) + 0.008)/1.008 · π/2),  β_t = min(1 − f(t + 1)/f(t), 0.999)
 * ᾱ_t = Π_{s=0}^{t} (1 − β_s);  x_t = √ᾱ_t · x0 + √(1 − ᾱ_t) · noise  (per row, its own t)
 * ε̂ = x_t · w + b;  loss = mean over all B·D entries of (ε̂ − noise)².
 *
 * x0, noise: [B, D]; t: [B] int32; w: [D, D]; b: [D].
 * Returns alphaBar [T] (ᾱ_0 .. ᾱ_{T−1}), xt [B, D], loss [] — all float32.
 */
export function ddpmForwardLoss(
  x0: tf.Tensor2D,
  t: tf.Tensor1D,
  noise: tf.Tensor2D,
  w: tf.Tensor2D,
  b: tf.Tensor1D,
  schedule: 'linear' | 'cosine',
  numSteps: number,
): { alphaBar: tf.Tensor1D; xt: tf.Tensor2D; loss: tf.Scalar } {
  // TODO: β schedule → ᾱ, gather ᾱ_t per row, noise x0, run the denoiser, MSE against the noise
  throw new Error('TODO');
}
