// Held-out wrong variant: kept elements are multiplied by (1 − p) instead of divided by (1 − p).
import * as tf from '@tensorflow/tfjs';

export function invertedDropout(x: tf.Tensor, u: tf.Tensor, p: number, training: boolean): tf.Tensor {
  if (!training) return x.clone();
  const xs = x.dataSync();
  const us = u.dataSync();
  const out = new Float32Array(xs.length);
  const keepProb = 1 - p;
  for (let i = 0; i < xs.length; i++) {
    out[i] = us[i] >= p ? xs[i] * keepProb : 0;
  }
  return tf.tensor(out, x.shape, 'float32');
}
