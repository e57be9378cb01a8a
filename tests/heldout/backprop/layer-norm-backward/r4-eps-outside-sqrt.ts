// Held-out wrong variant: the normalizer is computed as √σ² + ε (epsilon added outside the square root) instead of √(σ² + ε).
import * as tf from '@tensorflow/tfjs';

export function layerNormBackward(x: tf.Tensor, gamma: tf.Tensor1D, dy: tf.Tensor, eps: number) {
  const shape = x.shape;
  const D = shape[shape.length - 1];
  const X = x.reshape([-1, D]).arraySync() as number[][];
  const DY = dy.reshape([-1, D]).arraySync() as number[][];
  const G = gamma.arraySync() as number[];
  const dxRows: number[][] = [];
  const dgamma = new Array(D).fill(0);
  const dbeta = new Array(D).fill(0);
  for (let n = 0; n < X.length; n++) {
    const row = X[n], dyr = DY[n];
    let mu = 0;
    for (let i = 0; i < D; i++) mu += row[i];
    mu /= D;
    let v = 0;
    for (let i = 0; i < D; i++) v += (row[i] - mu) * (row[i] - mu);
    v /= D;
    const std = Math.sqrt(v) + eps;
    const xhat = row.map((xi) => (xi - mu) / std);
    let gMean = 0, gxMean = 0;
    const g = new Array(D);
    for (let i = 0; i < D; i++) {
      g[i] = dyr[i] * G[i];
      gMean += g[i];
      gxMean += g[i] * xhat[i];
      dgamma[i] += dyr[i] * xhat[i];
      dbeta[i] += dyr[i];
    }
    gMean /= D;
    gxMean /= D;
    dxRows.push(g.map((gi: number, i: number) => (gi - gMean - xhat[i] * gxMean) / std));
  }
  return {
    dx: tf.tensor(dxRows).reshape(shape),
    dgamma: tf.tensor1d(dgamma),
    dbeta: tf.tensor1d(dbeta),
  };
}
