// Held-out wrong variant: the clip coefficient is maxNorm / N without the +1e-6 in the denominator.
import * as tf from '@tensorflow/tfjs';

export function clipByGlobalNorm(grads: tf.Tensor[], maxNorm: number) {
  let sumSq = 0;
  for (const g of grads) {
    const vals = g.dataSync();
    for (let i = 0; i < vals.length; i++) sumSq += vals[i] * vals[i];
  }
  const totalNorm = Math.sqrt(sumSq);
  const coef = maxNorm / totalNorm;
  const out = grads.map((g) => (coef < 1 ? g.mul(coef) : g.clone()));
  return { grads: out, totalNorm };
}
