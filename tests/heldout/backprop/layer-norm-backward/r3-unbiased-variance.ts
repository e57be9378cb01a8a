// Held-out wrong variant: the row variance is computed with the unbiased 1/(D−1) divisor instead of the biased 1/D the statement requires.
import * as tf from '@tensorflow/tfjs';

export function layerNormBackward(x: tf.Tensor, gamma: tf.Tensor1D, dy: tf.Tensor, eps: number) {
  const D = x.shape[x.shape.length - 1];
  const rows = x.size / D;
  const X = x.reshape([rows, D]).arraySync() as number[][];
  const G = dy.reshape([rows, D]).arraySync() as number[][];
  const gam = gamma.arraySync() as number[];
  const dxA: number[][] = [];
  const dgamma = new Array(D).fill(0);
  const dbeta = new Array(D).fill(0);
  for (let n = 0; n < rows; n++) {
    const xr = X[n];
    const dyr = G[n];
    let mu = 0;
    for (let i = 0; i < D; i++) mu += xr[i];
    mu /= D;
    let v = 0;
    for (let i = 0; i < D; i++) v += (xr[i] - mu) * (xr[i] - mu);
    v /= D - 1;
    const rstd = 1 / Math.sqrt(v + eps);
    const xhat = xr.map((xi) => (xi - mu) * rstd);
    const g = dyr.map((d, i) => d * gam[i]);
    let gMean = 0;
    let gxMean = 0;
    for (let i = 0; i < D; i++) {
      gMean += g[i];
      gxMean += g[i] * xhat[i];
      dgamma[i] += dyr[i] * xhat[i];
      dbeta[i] += dyr[i];
    }
    gMean /= D;
    gxMean /= D;
    dxA.push(g.map((gi, i) => rstd * (gi - gMean - xhat[i] * gxMean)));
  }
  return {
    dx: tf.tensor(dxA, [rows, D]).reshape(x.shape),
    dgamma: tf.tensor1d(dgamma),
    dbeta: tf.tensor1d(dbeta),
  };
}
