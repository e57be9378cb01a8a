// Held-out wrong variant: the output gradient is taken as (ŷ − y) without dividing by N, so every parameter gradient is N times too large (the loss itself is correct).
import * as tf from '@tensorflow/tfjs';

export function mlpForwardBackward(
  x: tf.Tensor2D,
  y: tf.Tensor2D,
  W1: tf.Tensor2D,
  b1: tf.Tensor1D,
  W2: tf.Tensor2D,
  b2: tf.Tensor1D,
) {
  const N = x.shape[0];
  const z1 = x.matMul(W1).add(b1);
  const mask = z1.greater(0).toFloat();
  const h = z1.mul(mask);
  const yhat = h.matMul(W2).add(b2);
  const err = yhat.sub(y);
  const loss = err.square().sum().mul(0.5 / N) as tf.Scalar;
  const dyhat = err;
  const dW2 = h.transpose().matMul(dyhat);
  const db2 = dyhat.sum(0);
  const dz1 = dyhat.matMul(W2.transpose()).mul(mask);
  const dW1 = x.transpose().matMul(dz1);
  const db1 = dz1.sum(0);
  return { loss, dW1, db1, dW2, db2 };
}
