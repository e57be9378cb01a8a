// Held-out wrong variant: also takes an SGD step on the frozen base weight W (w - lr * Xᵀ dL/dY) instead of returning it unchanged.
import * as tf from '@tensorflow/tfjs';

export async function loraTrainingStep(
  x: tf.Tensor2D,
  target: tf.Tensor2D,
  w: tf.Tensor2D,
  a: tf.Tensor2D,
  b: tf.Tensor2D,
  lr: number,
  alpha: number,
) {
  const [n, dIn] = x.shape;
  const dOut = w.shape[1];
  const r = a.shape[1];
  const s = alpha / r;
  const [X, T, W, A, B] = await Promise.all([x.data(), target.data(), w.data(), a.data(), b.data()]);

  // forward: H = X A [n, r], Y = X W + s H B [n, dOut]
  const H = new Float64Array(n * r);
  for (let i = 0; i < n; i++)
    for (let k = 0; k < r; k++) {
      let acc = 0;
      for (let p = 0; p < dIn; p++) acc += X[i * dIn + p] * A[p * r + k];
      H[i * r + k] = acc;
    }
  const G = new Float64Array(n * dOut); // dL/dY
  let sq = 0;
  const m = n * dOut;
  for (let i = 0; i < n; i++)
    for (let j = 0; j < dOut; j++) {
      let y = 0;
      for (let p = 0; p < dIn; p++) y += X[i * dIn + p] * W[p * dOut + j];
      let u = 0;
      for (let k = 0; k < r; k++) u += H[i * r + k] * B[k * dOut + j];
      y += s * u;
      const e = y - T[i * dOut + j];
      sq += e * e;
      G[i * dOut + j] = (2 * e) / m;
    }
  const loss = sq / m;

  // dB = s Hᵀ G [r, dOut]
  const newB = new Float32Array(r * dOut);
  for (let k = 0; k < r; k++)
    for (let j = 0; j < dOut; j++) {
      let acc = 0;
      for (let i = 0; i < n; i++) acc += H[i * r + k] * G[i * dOut + j];
      newB[k * dOut + j] = B[k * dOut + j] - lr * s * acc;
    }
  // dH = s G Bᵀ [n, r] (old B), dA = Xᵀ dH [dIn, r]
  const dH = new Float64Array(n * r);
  for (let i = 0; i < n; i++)
    for (let k = 0; k < r; k++) {
      let acc = 0;
      for (let j = 0; j < dOut; j++) acc += G[i * dOut + j] * B[k * dOut + j];
      dH[i * r + k] = s * acc;
    }
  const newA = new Float32Array(dIn * r);
  for (let p = 0; p < dIn; p++)
    for (let k = 0; k < r; k++) {
      let acc = 0;
      for (let i = 0; i < n; i++) acc += X[i * dIn + p] * dH[i * r + k];
      newA[p * r + k] = A[p * r + k] - lr * acc;
    }

  return {
    a: tf.tensor2d(newA, [dIn, r]),
    b: tf.tensor2d(newB, [r, dOut]),
    w: tf.tidy(() => w.sub(tf.matMul(x, tf.tensor2d(Float32Array.from(G), [n, dOut]), true, false).mul(lr))),
    loss,
    trainableParams: dIn * r + r * dOut,
  };
}
