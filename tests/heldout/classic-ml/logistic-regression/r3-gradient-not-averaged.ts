// Held-out wrong variant: the weight and bias gradients are summed over the samples, Xᵀ(p − y) and Σ(p − y), without dividing by n.
import * as tf from '@tensorflow/tfjs';

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
  const logit = (i: number) => X[i].reduce((s, v, t) => s + v * w[t], b);
  for (let s = 0; s < steps; s++) {
    const gw = new Array<number>(d).fill(0);
    let gb = 0;
    for (let i = 0; i < n; i++) {
      const p = 1 / (1 + Math.exp(-logit(i)));
      const e = p - Y[i];
      for (let t = 0; t < d; t++) gw[t] += X[i][t] * e;
      gb += e;
    }
    for (let t = 0; t < d; t++) w[t] -= lr * gw[t];
    b -= lr * gb;
  }
  let loss = 0;
  for (let i = 0; i < n; i++) {
    const z = logit(i);
    const softplus = z > 0 ? z + Math.log1p(Math.exp(-z)) : Math.log1p(Math.exp(z));
    loss += softplus - Y[i] * z;
  }
  return { weights: tf.tensor1d(w), bias: b, loss: loss / n };
}
