import * as tf from '@tensorflow/tfjs';

/**
 * VAE loss (negative ELBO) with the reparameterization trick.
 * x: [N, D] targets in [0, 1]; mu, logVar: [N, Z] encoder outputs (logVar = log σ²);
 * eps: [N, Z] standard normal noise; wDec: [Z, D], bDec: [D] a linear decoder producing logits.
 *   z = mu + exp(logVar / 2) · eps,   logits = z · wDec + bDec
 *   recon = mean over N of Σ_d BCE(logits, x)   (Bernoulli likelihood, computed stably from logits)
 *   kl    = mean over N of −½ Σ_z (1 + logVar − mu² − exp(logVar))
 *   loss  = recon + beta · kl
 * Returns { loss, recon, kl } as scalar tensors and z as [N, Z].
 */
export function vaeLoss(
  x: tf.Tensor2D,
  mu: tf.Tensor2D,
  logVar: tf.Tensor2D,
  eps: tf.Tensor2D,
  wDec: tf.Tensor2D,
  bDec: tf.Tensor1D,
  beta: number,
): { loss: tf.Scalar; recon: tf.Scalar; kl: tf.Scalar; z: tf.Tensor2D } {
  // TODO
  throw new Error('TODO');
}
