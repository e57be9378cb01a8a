import * as tf from '@tensorflow/tfjs';

export async function clipByGlobalNorm(grads: tf.Tensor[], maxNorm: number) {
  // One norm over every element of every tensor: √(Σᵢ ‖gᵢ‖²).
  const total = tf.tidy(() => tf.addN(grads.map((g) => g.square().sum())).sqrt());
  // An async read: WebGPU cannot read a GPU tensor synchronously in a worker.
  const totalNorm = (await total.data())[0];
  total.dispose();
  const coef = maxNorm / (totalNorm + 1e-6);
  // Only ever scale down; gradients already within maxNorm are returned unchanged.
  const clipped = grads.map((g) => (coef < 1 ? g.div(totalNorm + 1e-6) : g.clone())); // Bug: divides by the norm but forgets × maxNorm
  return { grads: clipped, totalNorm };
}
