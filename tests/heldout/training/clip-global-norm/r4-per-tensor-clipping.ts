// Held-out wrong variant: each tensor is clipped by its own norm instead of all tensors being scaled by one factor from the global norm.
import * as tf from '@tensorflow/tfjs';

export async function clipByGlobalNorm(grads: tf.Tensor[], maxNorm: number) {
  let sq = 0;
  const out: tf.Tensor[] = [];
  for (const g of grads) {
    const s = tf.sum(tf.square(g));
    const gsq = (await s.data())[0];
    s.dispose();
    sq += gsq;
    const n = Math.sqrt(gsq);
    const coef = maxNorm / (n + 1e-6);
    out.push(coef < 1 ? tf.mul(g, coef) : g.clone());
  }
  return { grads: out, totalNorm: Math.sqrt(sq) };
}
