// Held-out wrong variant: eps is added to the standard deviation (sqrt(var) + eps) instead of to the variance inside the square root.
import * as tf from '@tensorflow/tfjs';

export function layerNorm(x: tf.Tensor, gamma: tf.Tensor, beta: tf.Tensor, eps: number): tf.Tensor {
  const d = x.shape[x.rank - 1];
  const data = x.dataSync();
  const g = gamma.dataSync();
  const bt = beta.dataSync();
  const out = new Float32Array(data.length);
  for (let start = 0; start < data.length; start += d) {
    let mean = 0;
    for (let j = 0; j < d; j++) mean += data[start + j];
    mean /= d;
    let variance = 0;
    for (let j = 0; j < d; j++) {
      const c = data[start + j] - mean;
      variance += c * c;
    }
    variance /= d;
    const denom = Math.sqrt(variance) + eps;
    for (let j = 0; j < d; j++) out[start + j] = (g[j] * (data[start + j] - mean)) / denom + bt[j];
  }
  return tf.tensor(out, x.shape, 'float32');
}
