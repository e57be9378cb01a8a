// Held-out wrong variant: uses [z1 >= 0] as the ReLU derivative, passing gradient through units sitting exactly at z1 = 0.
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
  const w1 = W1.arraySync(), w2 = W2.arraySync();
  const c1 = b1.arraySync(), c2 = b2.arraySync();
  const [N, D] = x.shape;
  const H = W1.shape[1];
  const C = W2.shape[1];

  const dW1 = Array.from({ length: D }, () => new Array<number>(H).fill(0));
  const db1 = new Array<number>(H).fill(0);
  const dW2 = Array.from({ length: H }, () => new Array<number>(C).fill(0));
  const db2 = new Array<number>(C).fill(0);
  let loss = 0;

  for (let n = 0; n < N; n++) {
    // forward
    const z1 = new Array<number>(H);
    const h = new Array<number>(H);
    for (let j = 0; j < H; j++) {
      let s = c1[j];
      for (let i = 0; i < D; i++) s += X[n][i] * w1[i][j];
      z1[j] = s;
      h[j] = s > 0 ? s : 0;
    }
    const dout = new Array<number>(C);
    for (let c = 0; c < C; c++) {
      let s = c2[c];
      for (let j = 0; j < H; j++) s += h[j] * w2[j][c];
      const e = s - Y[n][c];
      loss += (e * e) / (2 * N);
      dout[c] = e / N;
    }
    // backward
    for (let c = 0; c < C; c++) db2[c] += dout[c];
    for (let j = 0; j < H; j++) {
      let dh = 0;
      for (let c = 0; c < C; c++) {
        dW2[j][c] += h[j] * dout[c];
        dh += dout[c] * w2[j][c];
      }
      const dz = z1[j] >= 0 ? dh : 0;
      db1[j] += dz;
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
