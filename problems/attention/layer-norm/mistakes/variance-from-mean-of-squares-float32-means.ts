import * as tf from '@tensorflow/tfjs';

// x: [..., d], gamma: [d], beta: [d]. Normalizes each row over the last axis, in plain loops.
export function layerNorm(x: tf.Tensor, gamma: tf.Tensor, beta: tf.Tensor, eps: number): tf.Tensor {
  const d = x.shape[x.rank - 1];
  const xs = x.dataSync();
  const g = gamma.dataSync();
  const b = beta.dataSync();
  const rows = xs.length / d;
  // Per-row E[x] and E[x²], summed and then divided in place, all in float32 like the data.
  const mean = new Float32Array(rows);
  const meanSq = new Float32Array(rows);
  for (let r = 0; r < rows; r++) {
    for (let j = 0; j < d; j++) {
      const v = xs[r * d + j];
      mean[r] += v;
      meanSq[r] += v * v;
    }
    mean[r] /= d;
    meanSq[r] /= d;
  }
  const out = new Float32Array(xs.length);
  for (let r = 0; r < rows; r++) {
    // Bug: one-pass variance E[x²] − E[x]². With |mean| ≈ 1000 and unit spread both terms are
    // ≈ 1e6, and float32 keeps about 7 digits, so the difference is rounding noise (even negative).
    const variance = meanSq[r] - mean[r] * mean[r];
    const inv = 1 / Math.sqrt(variance + eps);
    for (let j = 0; j < d; j++) out[r * d + j] = (xs[r * d + j] - mean[r]) * inv * g[j] + b[j];
  }
  return tf.tensor(out, x.shape, 'float32');
}
