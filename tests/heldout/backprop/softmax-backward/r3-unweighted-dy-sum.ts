// Held-out wrong variant: the per-row correction uses the plain sum Σ dy_i instead of the y-weighted sum Σ dy_i·y_i.
import * as tf from '@tensorflow/tfjs';

export function softmaxBackward(y: tf.Tensor, dy: tf.Tensor): tf.Tensor {
  const K = y.shape[y.shape.length - 1];
  const rows = y.size / K;
  const Y = y.reshape([rows, K]).arraySync() as number[][];
  const G = dy.reshape([rows, K]).arraySync() as number[][];
  const out: number[][] = [];
  for (let r = 0; r < rows; r++) {
    let s = 0;
    for (let i = 0; i < K; i++) s += G[r][i];
    const row: number[] = [];
    for (let j = 0; j < K; j++) row.push(Y[r][j] * (G[r][j] - s));
    out.push(row);
  }
  return tf.tensor(out, [rows, K]).reshape(y.shape);
}
