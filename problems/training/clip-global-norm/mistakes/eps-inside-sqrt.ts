import * as tf from '@tensorflow/tfjs';

export async function clipByGlobalNorm(grads: tf.Tensor[], maxNorm: number) {
  const sumSq = tf.tidy(() => tf.addN(grads.map((g) => g.square().sum())));
  const s = (await sumSq.data())[0];
  sumSq.dispose();
  const totalNorm = Math.sqrt(s);
  const coef = maxNorm / Math.sqrt(s + 1e-6); // Bug: eps inside the square root
  // Only ever scale down; gradients already within maxNorm are returned unchanged.
  const clipped = grads.map((g) => (coef < 1 ? g.mul(coef) : g.clone()));
  return { grads: clipped, totalNorm };
}
