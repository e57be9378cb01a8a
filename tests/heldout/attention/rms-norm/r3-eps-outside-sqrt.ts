// Held-out wrong variant: eps is added after the square root (sqrt(mean(x^2)) + eps) instead of inside it.
import * as tf from '@tensorflow/tfjs';

export function rmsNorm(x: tf.Tensor, gamma: tf.Tensor, eps: number): tf.Tensor {
  const d = x.shape[x.rank - 1];
  const data = x.dataSync();
  const g = gamma.dataSync();
  const out = new Float32Array(data.length);
  for (let row = 0; row < data.length / d; row++) {
    const off = row * d;
    let sumSq = 0;
    for (let j = 0; j < d; j++) sumSq += data[off + j] * data[off + j];
    const rms = Math.sqrt(sumSq / d) + eps;
    for (let j = 0; j < d; j++) out[off + j] = (g[j] * data[off + j]) / rms;
  }
  return tf.tensor(out, x.shape, 'float32');
}
