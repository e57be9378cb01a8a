import * as tf from '@tensorflow/tfjs';

/**
 * Independent solution: explicit loops over host arrays (double precision), results as float32.
 */
export function flowMatching(
  x0: tf.Tensor2D,
  x1: tf.Tensor2D,
  t: tf.Tensor1D,
  w: tf.Tensor2D,
  b: tf.Tensor1D,
  z: tf.Tensor2D,
  numSteps: number,
): { loss: tf.Scalar; samples: tf.Tensor2D } {
  const X0 = x0.arraySync();
  const X1 = x1.arraySync();
  const T = t.arraySync();
  const W = w.arraySync();
  const Bv = b.arraySync();
  const Z = z.arraySync();
  const D = Bv.length;

  // velocity model for one row: v̂_j = sum_k x_k W[k][j] + tt W[D][j] + b_j
  const velocity = (x: number[], tt: number): number[] => {
    const out = new Array<number>(D);
    for (let j = 0; j < D; j++) {
      let s = Bv[j] + tt * W[D][j];
      for (let k = 0; k < D; k++) s += x[k] * W[k][j];
      out[j] = s;
    }
    return out;
  };

  const B = X0.length;
  let sse = 0;
  for (let i = 0; i < B; i++) {
    const ti = T[i];
    const xt = new Array<number>(D);
    for (let j = 0; j < D; j++) xt[j] = (1 - ti) * X0[i][j] + ti * X1[i][j];
    const vh = velocity(xt, ti);
    for (let j = 0; j < D; j++) {
      const e = vh[j] - (X1[i][j] - X0[i][j]);
      sse += e * e;
    }
  }
  const lossVal = sse / (B * D);

  const K = numSteps;
  const h = 1 / K;
  const samplesArr = Z.map((row) => {
    let x = row.slice();
    for (let k = 0; k < K; k++) {
      const v = velocity(x, k / K);
      x = x.map((xj, j) => xj + h * v[j]);
    }
    return x;
  });

  return {
    loss: tf.scalar(lossVal, 'float32'),
    samples: tf.tensor2d(samplesArr, [Z.length, D], 'float32'),
  };
}
