// Held-out wrong variant: always multiplies the gradients by maxNorm / (N + 1e-6), also scaling them up when the norm is below maxNorm, instead of only when the coefficient is < 1.
import * as tf from '@tensorflow/tfjs';

export async function clipByGlobalNorm(grads: tf.Tensor[], maxNorm: number) {
  const normT = tf.tidy(() => tf.sqrt(tf.addN(grads.map((g) => tf.sum(tf.square(g))))));
  const totalNorm = (await normT.data())[0];
  normT.dispose();
  const coef = maxNorm / (totalNorm + 1e-6);
  const out = grads.map((g) => tf.mul(g, coef));
  return { grads: out, totalNorm };
}
