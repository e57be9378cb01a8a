// Style: reads the tensors once with arraySync() and runs gradient descent in plain float64
// JavaScript loops; the loss uses the stable form softplus(z) - y·z. Only the weights go back to tf.
import * as tf from '@tensorflow/tfjs';

function softplus(z: number): number {
  // log(1 + e^z) without overflow
  return z > 0 ? z + Math.log1p(Math.exp(-z)) : Math.log1p(Math.exp(z));
}

function sigmoid(z: number): number {
  if (z >= 0) return 1 / (1 + Math.exp(-z));
  const e = Math.exp(z);
  return e / (1 + e);
}

export function logisticRegression(
  x: tf.Tensor2D,
  y: tf.Tensor1D,
  steps: number,
  lr: number,
): { weights: tf.Tensor1D; bias: number; loss: number } {
  const X = x.arraySync();
  const Y = y.arraySync();
  const [n, d] = x.shape;
  const w = new Array(d).fill(0);
  let b = 0;
  const logit = (i: number) => {
    let z = b;
    for (let t = 0; t < d; t++) z += X[i][t] * w[t];
    return z;
  };

  for (let step = 0; step < steps; step++) {
    const gw = new Array(d).fill(0);
    let gb = 0;
    for (let i = 0; i < n; i++) {
      const r = sigmoid(logit(i)) - Y[i];
      for (let t = 0; t < d; t++) gw[t] += X[i][t] * r;
      gb += r;
    }
    for (let t = 0; t < d; t++) w[t] -= (lr * gw[t]) / n;
    b -= (lr * gb) / n;
  }

  let loss = 0;
  for (let i = 0; i < n; i++) {
    const z = logit(i);
    loss += softplus(z) - Y[i] * z;
  }
  loss /= n;
  return { weights: tf.tensor1d(w), bias: b, loss };
}
