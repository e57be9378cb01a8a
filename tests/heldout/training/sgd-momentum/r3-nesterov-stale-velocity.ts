// Held-out wrong variant: the Nesterov step uses the previous velocity, d_t = g_t + μ·v_{t−1}, because the parameter is updated before the velocity update.
import * as tf from '@tensorflow/tfjs';

export function sgdMomentum(param: tf.Tensor, grads: tf.Tensor[], lr: number, momentum: number, nesterov: boolean) {
  const shape = param.shape;
  const p = Array.from(param.dataSync());
  const v = new Array(p.length).fill(0);
  for (const gt of grads) {
    const g = gt.dataSync();
    for (let i = 0; i < p.length; i++) {
      if (nesterov) {
        p[i] -= lr * (g[i] + momentum * v[i]);
        v[i] = momentum * v[i] + g[i];
      } else {
        v[i] = momentum * v[i] + g[i];
        p[i] -= lr * v[i];
      }
    }
  }
  return { param: tf.tensor(p, shape, 'float32'), velocity: tf.tensor(v, shape, 'float32') };
}
