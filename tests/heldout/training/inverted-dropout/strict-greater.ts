// Held-out wrong variant: keeps an element only when u > p (strict), so u exactly equal to p is dropped.
import * as tf from '@tensorflow/tfjs';

export function invertedDropout(x: tf.Tensor, u: tf.Tensor, p: number, training: boolean): tf.Tensor {
  if (!training) return x.clone();
  const xs = x.dataSync();
  const us = u.dataSync();
  const scale = 1 / (1 - p);
  const out = new Float32Array(xs.length);
  for (let i = 0; i < xs.length; i++) {
    out[i] = us[i] > p ? xs[i] * scale : 0;
  }
  return tf.tensor(out, x.shape, 'float32');
}
