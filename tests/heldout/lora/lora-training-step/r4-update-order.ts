// Held-out wrong variant: B is updated first and the gradient for A is then computed with the already-updated B instead of the pre-step B.
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
  const n = X.length, dIn = W.length, dOut = W[0].length, r = A[0].length;
  const s = alpha / r;
  // forward
  const H = X.map((row) => Array.from({ length: r }, (_, k) => row.reduce((acc, xi, i) => acc + xi * A[i][k], 0)));
  let loss = 0;
  const G: number[][] = [];
  for (let p = 0; p < n; p++) {
    const g = new Array(dOut).fill(0);
    for (let j = 0; j < dOut; j++) {
      let y = 0;
      for (let i = 0; i < dIn; i++) y += X[p][i] * W[i][j];
      for (let k = 0; k < r; k++) y += s * H[p][k] * B[k][j];
      const e = y - T[p][j];
      loss += e * e;
      g[j] = (2 * e) / (n * dOut);
    }
    G.push(g);
  }
  loss /= n * dOut;
  // update B
  for (let k = 0; k < r; k++) {
    for (let j = 0; j < dOut; j++) {
      let gb = 0;
      for (let p = 0; p < n; p++) gb += H[p][k] * G[p][j];
      B[k][j] -= lr * s * gb;
    }
  }
  // update A
  const newA = A.map((row) => row.slice());
  for (let i = 0; i < dIn; i++) {
    for (let k = 0; k < r; k++) {
      let ga = 0;
      for (let p = 0; p < n; p++) {
        let gh = 0;
        for (let j = 0; j < dOut; j++) gh += G[p][j] * B[k][j];
        ga += X[p][i] * gh;
      }
      newA[i][k] -= lr * s * ga;
    }
  }
  return {
    a: tf.tensor2d(newA, [dIn, r]),
    b: tf.tensor2d(B, [r, dOut]),
    w: w.clone(),
    loss,
    trainableParams: dIn * r + r * dOut,
  };
}
