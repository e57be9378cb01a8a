import * as tf from '@tensorflow/tfjs';

/**
 * Independent solution: explicit float64 loops over arraySync() data; the BCE uses the
 * stable softplus form  softplus(l) − l·x  with softplus(l) = max(l, 0) + log1p(exp(−|l|)).
 */
export function vaeLoss(
  x: tf.Tensor2D,
  mu: tf.Tensor2D,
  logVar: tf.Tensor2D,
  eps: tf.Tensor2D,
  wDec: tf.Tensor2D,
  bDec: tf.Tensor1D,
  beta: number,
): { loss: tf.Scalar; recon: tf.Scalar; kl: tf.Scalar; z: tf.Tensor2D } {
  const X = x.arraySync() as number[][];
  const MU = mu.arraySync() as number[][];
  const LV = logVar.arraySync() as number[][];
  const E = eps.arraySync() as number[][];
  const Wd = wDec.arraySync() as number[][];
  const b = bDec.arraySync() as number[];
  const [N, Z] = mu.shape;
  const D = b.length;

  const zs: number[][] = [];
  let reconSum = 0;
  let klSum = 0;
  for (let n = 0; n < N; n++) {
    const zRow: number[] = [];
    for (let j = 0; j < Z; j++) {
      zRow.push(MU[n][j] + Math.exp(0.5 * LV[n][j]) * E[n][j]);
      klSum += -0.5 * (1 + LV[n][j] - MU[n][j] * MU[n][j] - Math.exp(LV[n][j]));
    }
    zs.push(zRow);
    for (let d = 0; d < D; d++) {
      let l = b[d];
      for (let j = 0; j < Z; j++) l += zRow[j] * Wd[j][d];
      reconSum += Math.max(l, 0) - l * X[n][d] + Math.log1p(Math.exp(-Math.abs(l)));
    }
  }
  const recon = reconSum / N;
  const kl = klSum / N;

  return {
    loss: tf.scalar(recon + beta * kl, 'float32'),
    recon: tf.scalar(recon, 'float32'),
    kl: tf.scalar(kl, 'float32'),
    z: tf.tensor2d(zs, [N, Z], 'float32'),
  };
}
