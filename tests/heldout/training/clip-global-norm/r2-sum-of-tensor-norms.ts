// Held-out wrong variant: the "global norm" is the sum of the per-tensor L2 norms instead of the square root of the total sum of squares.
import * as tf from '@tensorflow/tfjs';

export async function clipByGlobalNorm(grads: tf.Tensor[], maxNorm: number) {
  const total = tf.tidy(() => tf.addN(grads.map((g) => tf.sqrt(tf.sum(tf.square(g))))));
  const totalNorm = (await total.data())[0];
  total.dispose();
  const coef = maxNorm / (totalNorm + 1e-6);
  const out = grads.map((g) => (coef < 1 ? tf.mul(g, coef) : g.clone()));
  return { grads: out, totalNorm };
}
