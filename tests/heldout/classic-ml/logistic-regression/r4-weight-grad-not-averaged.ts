// Held-out wrong variant: the weight gradient is Xᵀ(p − y) summed over samples without dividing by n (the bias gradient is correctly a mean).
import * as tf from '@tensorflow/tfjs';

export function logisticRegression(
  x: tf.Tensor2D,
  y: tf.Tensor1D,
  steps: number,
  lr: number,
): { weights: tf.Tensor1D; bias: number; loss: number } {
  const X = x.arraySync() as number[][];
  const Y = y.arraySync() as number[];
  const n = X.length;
  const d = X[0].length;
  const w = new Array<number>(d).fill(0);
  let b = 0;
  const logits = () => X.map((row) => row.reduce((s, v, j) => s + v * w[j], b));
  for (let s = 0; s < steps; s++) {
    const z = logits();
    const r = z.map((zi, i) => 1 / (1 + Math.exp(-zi)) - Y[i]);
    const gw = new Array<number>(d).fill(0);
    let gb = 0;
    for (let i = 0; i < n; i++) {
      for (let j = 0; j < d; j++) gw[j] += X[i][j] * r[i];
      gb += r[i];
    }
    gb /= n;
    for (let j = 0; j < d; j++) w[j] -= lr * gw[j];
    b -= lr * gb;
  }
  const z = logits();
  let loss = 0;
  for (let i = 0; i < n; i++) {
    const zi = z[i];
    const softplus = zi > 0 ? zi + Math.log1p(Math.exp(-zi)) : Math.log1p(Math.exp(zi));
    loss += softplus - Y[i] * zi;
  }
  loss /= n;
  return { weights: tf.tensor1d(w), bias: b, loss };
}
