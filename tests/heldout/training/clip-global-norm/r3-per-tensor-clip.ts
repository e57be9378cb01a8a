// Held-out wrong variant: clips each gradient tensor by its own L2 norm (per-tensor clipping) instead of scaling all tensors by one factor derived from the global norm.
import * as tf from '@tensorflow/tfjs';

export async function clipByGlobalNorm(grads: tf.Tensor[], maxNorm: number) {
  const norms: number[] = [];
  for (const g of grads) {
    const sq = tf.tidy(() => tf.sum(tf.square(g)));
    norms.push(Math.sqrt((await sq.data())[0]));
    sq.dispose();
  }
  const totalNorm = Math.sqrt(norms.reduce((a, n) => a + n * n, 0));
  const clipped = grads.map((g, i) => {
    const coef = maxNorm / (norms[i] + 1e-6);
    return coef < 1 ? tf.mul(g, coef) : g.clone();
  });
  return { grads: clipped, totalNorm };
}
