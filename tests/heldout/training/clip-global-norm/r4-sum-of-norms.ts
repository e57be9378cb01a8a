// Held-out wrong variant: the total norm is the sum of the per-tensor L2 norms instead of the square root of the sum of all squared entries.
import * as tf from '@tensorflow/tfjs';

export async function clipByGlobalNorm(grads: tf.Tensor[], maxNorm: number) {
  let totalNorm = 0;
  for (const g of grads) {
    const vals = await g.data();
    let s = 0;
    for (let i = 0; i < vals.length; i++) s += vals[i] * vals[i];
    totalNorm += Math.sqrt(s);
  }
  const coef = maxNorm / (totalNorm + 1e-6);
  const out = grads.map((g) => (coef < 1 ? tf.mul(g, tf.scalar(coef)) : tf.clone(g)));
  return { grads: out, totalNorm };
}
