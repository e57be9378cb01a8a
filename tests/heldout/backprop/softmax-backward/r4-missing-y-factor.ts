// Held-out wrong variant: the off-diagonal term is not multiplied by y_j, computing dx_j = y_j·dy_j − Σ_i dy_i·y_i.
import * as tf from '@tensorflow/tfjs';

export function softmaxBackward(y: tf.Tensor, dy: tf.Tensor): tf.Tensor {
  const shape = y.shape;
  const K = shape[shape.length - 1];
  const Y = y.reshape([-1, K]).arraySync() as number[][];
  const DY = dy.reshape([-1, K]).arraySync() as number[][];
  const out: number[][] = [];
  for (let r = 0; r < Y.length; r++) {
    let s = 0;
    for (let i = 0; i < K; i++) s += DY[r][i] * Y[r][i];
    const row = new Array(K);
    for (let j = 0; j < K; j++) row[j] = Y[r][j] * DY[r][j] - s;
    out.push(row);
  }
  return tf.tensor(out).reshape(shape);
}
