// Held-out wrong variant: clips correctly but reports the norm of the clipped gradients instead of the norm before clipping.
import * as tf from '@tensorflow/tfjs';

export async function clipByGlobalNorm(grads: tf.Tensor[], maxNorm: number) {
  const sq = tf.tidy(() => tf.addN(grads.map((g) => tf.sum(tf.square(g)))));
  let totalNorm = Math.sqrt((await sq.data())[0]);
  sq.dispose();
  const coef = maxNorm / (totalNorm + 1e-6);
  const out = grads.map((g) => (coef < 1 ? tf.mul(g, coef) : g.clone()));
  if (coef < 1) totalNorm = totalNorm * coef;
  return { grads: out, totalNorm };
}
