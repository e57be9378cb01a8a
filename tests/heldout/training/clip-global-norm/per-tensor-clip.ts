// Held-out wrong variant: clips each tensor by its own norm (per-tensor clipping) instead of by the global norm of all gradients.
import * as tf from '@tensorflow/tfjs';

export async function clipByGlobalNorm(grads: tf.Tensor[], maxNorm: number) {
  let sumSq = 0;
  const out: tf.Tensor[] = [];
  for (const g of grads) {
    const vals = await g.data();
    let own = 0;
    for (let i = 0; i < vals.length; i++) own += vals[i] * vals[i];
    sumSq += own;
    const coef = maxNorm / (Math.sqrt(own) + 1e-6);
    out.push(coef < 1 ? tf.mul(g, tf.scalar(coef, 'float32')) : g.clone());
  }
  const totalNorm = Math.sqrt(sumSq);
  return { grads: out, totalNorm };
}
