// Held-out wrong variant: Nesterov look-ahead uses the previous velocity (d = g + mu*v_{t-1}) instead of the updated one.
import * as tf from '@tensorflow/tfjs';

export function sgdMomentum(param: tf.Tensor, grads: tf.Tensor[], lr: number, momentum: number, nesterov: boolean) {
  const n = param.size;
  const p = Float64Array.from(param.dataSync());
  const v = new Float64Array(n);
  for (const gt of grads) {
    const g = gt.dataSync();
    for (let i = 0; i < n; i++) {
      const vPrev = v[i];
      v[i] = momentum * v[i] + g[i];
      const d = nesterov ? g[i] + momentum * vPrev : v[i];
      p[i] -= lr * d;
    }
  }
  return {
    param: tf.tensor(Float32Array.from(p), param.shape, 'float32'),
    velocity: tf.tensor(Float32Array.from(v), param.shape, 'float32'),
  };
}
