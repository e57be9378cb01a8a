// Held-out wrong variant: db1 is accumulated from dh (the gradient before the ReLU mask) instead of dz1, while dW1 correctly uses the masked dz1.
import * as tf from '@tensorflow/tfjs';

export function mlpForwardBackward(
  x: tf.Tensor2D,
  y: tf.Tensor2D,
  W1: tf.Tensor2D,
  b1: tf.Tensor1D,
  W2: tf.Tensor2D,
  b2: tf.Tensor1D,
) {
  const X = x.arraySync();
  const Y = y.arraySync();
  const w1 = W1.arraySync();
  const B1 = b1.arraySync();
  const w2 = W2.arraySync();
  const B2 = b2.arraySync();
  const N = X.length;
  const D = w1.length;
  const H = B1.length;
  const C = B2.length;
  const dW1 = Array.from({ length: D }, () => new Array(H).fill(0));
  const db1 = new Array(H).fill(0);
  const dW2 = Array.from({ length: H }, () => new Array(C).fill(0));
  const db2 = new Array(C).fill(0);
  let loss = 0;
  for (let n = 0; n < N; n++) {
    const z = new Array(H).fill(0);
    for (let j = 0; j < H; j++) {
      let s = B1[j];
      for (let i = 0; i < D; i++) s += X[n][i] * w1[i][j];
      z[j] = s;
    }
    const h = z.map((v) => (v > 0 ? v : 0));
    const dOut = new Array(C).fill(0);
    for (let c = 0; c < C; c++) {
      let o = B2[c];
      for (let j = 0; j < H; j++) o += h[j] * w2[j][c];
      const e = o - Y[n][c];
      loss += (e * e) / (2 * N);
      dOut[c] = e / N;
      db2[c] += dOut[c];
      for (let j = 0; j < H; j++) dW2[j][c] += h[j] * dOut[c];
    }
    for (let j = 0; j < H; j++) {
      let dh = 0;
      for (let c = 0; c < C; c++) dh += dOut[c] * w2[j][c];
      const dz = z[j] > 0 ? dh : 0;
      db1[j] += dh;
      for (let i = 0; i < D; i++) dW1[i][j] += X[n][i] * dz;
    }
  }
  return {
    loss: tf.scalar(loss),
    dW1: tf.tensor2d(dW1, [D, H]),
    db1: tf.tensor1d(db1),
    dW2: tf.tensor2d(dW2, [H, C]),
    db2: tf.tensor1d(db2),
  };
}
