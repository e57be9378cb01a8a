// Held-out wrong variant: the clip coefficient is maxNorm / N without the +1e-6 in the denominator.
import * as tf from '@tensorflow/tfjs';

export function clipByGlobalNorm(grads: tf.Tensor[], maxNorm: number) {
  const total = tf.tidy(() => {
    const parts = grads.map((g) => tf.sum(tf.square(tf.cast(g, 'float32'))));
    return tf.sqrt(tf.addN(parts));
  });
  const totalNorm = total.dataSync()[0];
  total.dispose();
  const coef = maxNorm / totalNorm;
  const clipped = grads.map((g) => (coef < 1 ? g.mul(coef) : g.clone()));
  return { grads: clipped, totalNorm };
}
