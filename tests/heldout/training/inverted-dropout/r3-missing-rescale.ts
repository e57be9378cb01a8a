// Held-out wrong variant: in training mode the surviving elements are not scaled by 1/(1 − p) (plain mask only).
import * as tf from '@tensorflow/tfjs';

export function invertedDropout(x: tf.Tensor, u: tf.Tensor, p: number, training: boolean): tf.Tensor {
  if (!training) return x.clone();
  const xs = x.dataSync();
  const us = u.dataSync();
  const out = new Float32Array(xs.length);
  for (let i = 0; i < xs.length; i++) {
    out[i] = us[i] >= p ? xs[i] : 0;
  }
  return tf.tensor(out, x.shape, 'float32');
}
