import * as tf from '@tensorflow/tfjs';

// Independent solution: explicit loops over the flat dataSync() buffer with strides
// (index = (i * C + c) * S + s, S = product of the position axes), two-pass statistics in
// float64 (mean first, then centred squares), results packed back into float32 tensors.

export function batchNorm(
  x: tf.Tensor,
  gamma: tf.Tensor1D,
  beta: tf.Tensor1D,
  runningMean: tf.Tensor1D,
  runningVar: tf.Tensor1D,
  training: boolean,
  momentum: number,
  eps: number,
): { y: tf.Tensor; runningMean: tf.Tensor1D; runningVar: tf.Tensor1D } {
  const shape = x.shape;
  const N = shape[0];
  const C = shape[1];
  let S = 1;
  for (let k = 2; k < shape.length; k++) S *= shape[k];
  const n = N * S;

  const X = x.dataSync();
  const G = gamma.dataSync();
  const Bt = beta.dataSync();
  const RM = runningMean.dataSync();
  const RV = runningVar.dataSync();

  const Y = new Float32Array(X.length);
  const newRM = new Float32Array(C);
  const newRV = new Float32Array(C);

  for (let c = 0; c < C; c++) {
    let mean: number;
    let variance: number;
    if (training) {
      let sum = 0;
      for (let i = 0; i < N; i++) {
        const base = (i * C + c) * S;
        for (let s = 0; s < S; s++) sum += X[base + s];
      }
      mean = sum / n;
      let sq = 0;
      for (let i = 0; i < N; i++) {
        const base = (i * C + c) * S;
        for (let s = 0; s < S; s++) {
          const d = X[base + s] - mean;
          sq += d * d;
        }
      }
      variance = sq / n;
      newRM[c] = (1 - momentum) * RM[c] + momentum * mean;
      newRV[c] = (1 - momentum) * RV[c] + momentum * variance * (n / (n - 1));
    } else {
      mean = RM[c];
      variance = RV[c];
      newRM[c] = RM[c];
      newRV[c] = RV[c];
    }
    const scale = G[c] / Math.sqrt(variance + eps);
    for (let i = 0; i < N; i++) {
      const base = (i * C + c) * S;
      for (let s = 0; s < S; s++) Y[base + s] = (X[base + s] - mean) * scale + Bt[c];
    }
  }

  return {
    y: tf.tensor(Y, shape, 'float32'),
    runningMean: tf.tensor1d(newRM, 'float32'),
    runningVar: tf.tensor1d(newRV, 'float32'),
  };
}
