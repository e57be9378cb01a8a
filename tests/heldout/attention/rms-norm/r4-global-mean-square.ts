// Held-out wrong variant: the mean square is taken over every element of x (all rows together) instead of per row over the last axis.
import * as tf from '@tensorflow/tfjs';

export function rmsNorm(x: tf.Tensor, gamma: tf.Tensor, eps: number): tf.Tensor {
  const data = x.dataSync();
  const g = gamma.dataSync();
  const d = x.shape[x.rank - 1];
  let ss = 0;
  for (let i = 0; i < data.length; i++) ss += data[i] * data[i];
  const rms = Math.sqrt(ss / data.length + eps);
  const out = new Float32Array(data.length);
  for (let i = 0; i < data.length; i++) out[i] = (g[i % d] * data[i]) / rms;
  return tf.tensor(out, x.shape, 'float32');
}
