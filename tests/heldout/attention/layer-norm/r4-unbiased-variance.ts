// Held-out wrong variant: the variance divides the squared deviations by d - 1 (sample variance) instead of d.
import * as tf from '@tensorflow/tfjs';

export function layerNorm(x: tf.Tensor, gamma: tf.Tensor, beta: tf.Tensor, eps: number): tf.Tensor {
  const data = x.dataSync();
  const g = gamma.dataSync();
  const bt = beta.dataSync();
  const d = x.shape[x.rank - 1];
  const out = new Float32Array(data.length);
  for (let r = 0; r < data.length / d; r++) {
    const off = r * d;
    let mu = 0;
    for (let j = 0; j < d; j++) mu += data[off + j];
    mu /= d;
    let ss = 0;
    for (let j = 0; j < d; j++) ss += (data[off + j] - mu) ** 2;
    const variance = d > 1 ? ss / (d - 1) : 0;
    const inv = 1 / Math.sqrt(variance + eps);
    for (let j = 0; j < d; j++) out[off + j] = g[j] * (data[off + j] - mu) * inv + bt[j];
  }
  return tf.tensor(out, x.shape, 'float32');
}
