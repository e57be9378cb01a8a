// Style: async; reads every gradient with `await t.data()`, accumulates the squared norm in a
// float64 JS loop, then scales with one tf.mul per tensor (or clones when no clipping is needed).
import * as tf from '@tensorflow/tfjs';

export async function clipByGlobalNorm(grads: tf.Tensor[], maxNorm: number) {
  let sumSq = 0;
  for (const g of grads) {
    const vals = await g.data();
    for (let i = 0; i < vals.length; i++) sumSq += vals[i] * vals[i];
  }
  const totalNorm = Math.sqrt(sumSq);
  const coef = maxNorm / (totalNorm + 1e-6);
  const out = grads.map((g) => (coef < 1 ? tf.mul(g, tf.scalar(coef, 'float32')) : g.clone()));
  return { grads: out, totalNorm };
}
