// Held-out wrong variant: trainableParams counts the frozen base weight too (dIn·dOut + dIn·r + r·dOut) instead of only the adapter's dIn·r + r·dOut.
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
  const X = (await x.array()) as number[][];
  const T = (await target.array()) as number[][];
  const W = (await w.array()) as number[][];
  const A = (await a.array()) as number[][];
  const B = (await b.array()) as number[][];
  const n = X.length;
  const dIn = W.length;
  const dOut = W[0].length;
  const r = A[0].length;
  const s = alpha / r;
  // H = X A
  const H = X.map((row) => Array.from({ length: r }, (_, k) => row.reduce((acc, v, i) => acc + v * A[i][k], 0)));
  // Y = X W + s H B, G = dL/dY
  let loss = 0;
  const G: number[][] = [];
  for (let p = 0; p < n; p++) {
    const g: number[] = [];
    for (let j = 0; j < dOut; j++) {
      let yv = 0;
      for (let i = 0; i < dIn; i++) yv += X[p][i] * W[i][j];
      for (let k = 0; k < r; k++) yv += s * H[p][k] * B[k][j];
      const e = yv - T[p][j];
      loss += e * e;
      g.push((2 * e) / (n * dOut));
    }
    G.push(g);
  }
  loss /= n * dOut;
  // dB = s Hᵀ G, dA = s Xᵀ (G Bᵀ)
  const newB = B.map((row, k) =>
    row.map((bv, j) => {
      let acc = 0;
      for (let p = 0; p < n; p++) acc += H[p][k] * G[p][j];
      return bv - lr * s * acc;
    }),
  );
  const GBt = G.map((g) => Array.from({ length: r }, (_, k) => g.reduce((acc, v, j) => acc + v * B[k][j], 0)));
  const newA = A.map((row, i) =>
    row.map((av, k) => {
      let acc = 0;
      for (let p = 0; p < n; p++) acc += X[p][i] * GBt[p][k];
      return av - lr * s * acc;
    }),
  );
  return {
    a: tf.tensor2d(newA, [dIn, r]),
    b: tf.tensor2d(newB, [r, dOut]),
    w: w.clone(),
    loss,
    trainableParams: dIn * dOut + dIn * r + r * dOut,
  };
}
