import * as tf from '@tensorflow/tfjs';

export function clipByGlobalNorm(grads: tf.Tensor[], maxNorm: number) {
  // One norm over every element of every tensor: √(Σᵢ ‖gᵢ‖²).
  const total = tf.tidy(() => tf.addN(grads.map((g) => g.square().sum().sqrt())) /* Bug: Σ‖gᵢ‖ instead of √Σ‖gᵢ‖² */);
  const totalNorm = total.dataSync()[0];
  total.dispose();
  const coef = maxNorm / (totalNorm + 1e-6);
  // Only ever scale down; gradients already within maxNorm are returned unchanged.
  const clipped = grads.map((g) => (coef < 1 ? g.mul(coef) : g.clone()));
  return { grads: clipped, totalNorm };
}
