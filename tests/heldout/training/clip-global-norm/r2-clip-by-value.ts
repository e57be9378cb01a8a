// Held-out wrong variant: clamps every element to [-maxNorm, maxNorm] (clip by value) instead of rescaling by the global norm.
import * as tf from '@tensorflow/tfjs';

export async function clipByGlobalNorm(grads: tf.Tensor[], maxNorm: number) {
  const sq = tf.tidy(() => tf.addN(grads.map((g) => tf.sum(tf.square(g)))));
  const totalNorm = Math.sqrt((await sq.data())[0]);
  sq.dispose();
  const out = grads.map((g) => tf.clipByValue(g, -maxNorm, maxNorm));
  return { grads: out, totalNorm };
}
