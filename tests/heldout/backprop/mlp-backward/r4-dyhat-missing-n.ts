// Held-out wrong variant: the output gradient is taken as (ŷ − y) without dividing by N, although the loss is averaged over the N examples.
import * as tf from '@tensorflow/tfjs';

export function mlpForwardBackward(
  x: tf.Tensor2D,
  y: tf.Tensor2D,
  W1: tf.Tensor2D,
  b1: tf.Tensor1D,
  W2: tf.Tensor2D,
  b2: tf.Tensor1D,
) {
  const X = x.arraySync(), Y = y.arraySync();
  const w1 = W1.arraySync(), B1 = b1.arraySync();
  const w2 = W2.arraySync(), B2 = b2.arraySync();
  const N = X.length, D = w1.length, H = B1.length, C = B2.length;
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
    const dout = new Array(C).fill(0);
    for (let c = 0; c < C; c++) {
      let o = B2[c];
      for (let j = 0; j < H; j++) o += h[j] * w2[j][c];
      const e = o - Y[n][c];
      loss += e * e;
      dout[c] = e;
    }
    for (let c = 0; c < C; c++) {
      db2[c] += dout[c];
      for (let j = 0; j < H; j++) dW2[j][c] += h[j] * dout[c];
    }
    for (let j = 0; j < H; j++) {
      if (!(z[j] > 0)) continue;
      let dh = 0;
      for (let c = 0; c < C; c++) dh += dout[c] * w2[j][c];
      db1[j] += dh;
      for (let i = 0; i < D; i++) dW1[i][j] += X[n][i] * dh;
    }
  }
  return {
    loss: tf.scalar(loss / (2 * N)),
    dW1: tf.tensor2d(dW1, [D, H]),
    db1: tf.tensor1d(db1),
    dW2: tf.tensor2d(dW2, [H, C]),
    db2: tf.tensor1d(db2),
  };
}
