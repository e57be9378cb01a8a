import * as tf from '@tensorflow/tfjs';

export async function clipByGlobalNorm(grads: tf.Tensor[], maxNorm: number) {
  const total = tf.tidy(() => tf.addN(grads.map((g) => g.square().sum())).sqrt());
  const totalNorm = (await total.data())[0];
  total.dispose();
  const coef = maxNorm / (totalNorm + 1e-6);
  if (coef < 1) {
    // Bug: tensors are immutable; g.mul(coef) makes a new tensor that is thrown away.
    grads.forEach((g) => g.mul(coef));
  }
  return { grads: grads.map((g) => g.clone()), totalNorm };
}
