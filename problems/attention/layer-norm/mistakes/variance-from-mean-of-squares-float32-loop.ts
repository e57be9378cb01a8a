import * as tf from '@tensorflow/tfjs';

// x: [..., d], gamma: [d], beta: [d]. Normalizes each row over the last axis, in plain loops.
export function layerNorm(x: tf.Tensor, gamma: tf.Tensor, beta: tf.Tensor, eps: number): tf.Tensor {
  const d = x.shape[x.rank - 1];
  const xs = x.dataSync();
  const g = gamma.dataSync();
  const b = beta.dataSync();
  const rows = xs.length / d;
  // Per-row running sums kept in float32, like the data.
  const sum = new Float32Array(rows);
  const sumSq = new Float32Array(rows);
  for (let r = 0; r < rows; r++) {
    for (let j = 0; j < d; j++) {
      const v = xs[r * d + j];
      sum[r] += v;
      sumSq[r] += v * v;
    }
  }
  const out = new Float32Array(xs.length);
  for (let r = 0; r < rows; r++) {
    const mean = sum[r] / d;
    // Bug: one-pass variance E[x²] − E[x]². With |mean| ≈ 1000 and unit spread, Σx² ≈ 1e6·d and a
    // float32 sum keeps about 7 digits, so the difference is rounding noise (even negative).
    const variance = sumSq[r] / d - mean * mean;
    const inv = 1 / Math.sqrt(variance + eps);
    for (let j = 0; j < d; j++) out[r * d + j] = (xs[r * d + j] - mean) * inv * g[j] + b[j];
  }
  return tf.tensor(out, x.shape, 'float32');
}
