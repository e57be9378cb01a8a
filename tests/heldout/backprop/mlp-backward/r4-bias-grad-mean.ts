// Held-out wrong variant: the bias gradients db1 and db2 average the per-example gradients over the batch (mean) instead of summing them, dividing by N twice.
import * as tf from '@tensorflow/tfjs';

export function mlpForwardBackward(
  x: tf.Tensor2D,
  y: tf.Tensor2D,
  W1: tf.Tensor2D,
  b1: tf.Tensor1D,
  W2: tf.Tensor2D,
  b2: tf.Tensor1D,
) {
  const n = x.shape[0];
  const z1 = x.matMul(W1).add(b1);
  const h = z1.relu();
  const yHat = h.matMul(W2).add(b2);
  const err = yHat.sub(y);
  const loss = err.square().sum().div(2 * n) as tf.Scalar;
  const g = err.div(n);
  const dW2 = h.transpose().matMul(g);
  const db2 = g.mean(0);
  const dz1 = g.matMul(W2.transpose()).mul(z1.greater(0).toFloat());
  const dW1 = x.transpose().matMul(dz1);
  const db1 = dz1.mean(0);
  return { loss, dW1, db1, dW2, db2 };
}
