// Held-out wrong variant: divides the variance by d - 1 (sample variance) instead of d.
import * as tf from '@tensorflow/tfjs';

export function layerNorm(x: tf.Tensor, gamma: tf.Tensor, beta: tf.Tensor, eps: number): tf.Tensor {
  const shape = x.shape;
  const d = shape.length === 0 ? 1 : shape[shape.length - 1];
  const xs = x.dataSync();
  const g = gamma.dataSync();
  const bt = beta.dataSync();
  const out = new Float32Array(xs.length);
  const rows = d === 0 ? 0 : xs.length / d;
  for (let r = 0; r < rows; r++) {
    const o = r * d;
    let mean = 0;
    for (let j = 0; j < d; j++) mean += xs[o + j];
    mean /= d;
    let variance = 0;
    for (let j = 0; j < d; j++) {
      const c = xs[o + j] - mean;
      variance += c * c;
    }
    variance /= d - 1;
    const inv = 1 / Math.sqrt(variance + eps);
    for (let j = 0; j < d; j++) out[o + j] = g[j] * (xs[o + j] - mean) * inv + bt[j];
  }
  return tf.tensor(out, shape, 'float32');
}
