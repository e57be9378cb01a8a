// Held-out wrong variant: always multiplies by coef, so gradients under maxNorm get scaled UP to the threshold.
import * as tf from '@tensorflow/tfjs';

export async function clipByGlobalNorm(grads: tf.Tensor[], maxNorm: number) {
  let sumSq = 0;
  for (const g of grads) {
    const vals = await g.data();
    for (let i = 0; i < vals.length; i++) sumSq += vals[i] * vals[i];
  }
  const totalNorm = Math.sqrt(sumSq);
  const coef = maxNorm / (totalNorm + 1e-6);
  const out = grads.map((g) => tf.mul(g, tf.scalar(coef, "float32")));
  return { grads: out, totalNorm };
}
