// Held-out wrong variant: the Nesterov step uses the previous velocity v_{t−1} (d = g + μ·v_{t−1}) because the step is computed before the velocity is updated.
import * as tf from '@tensorflow/tfjs';

export function sgdMomentum(param: tf.Tensor, grads: tf.Tensor[], lr: number, momentum: number, nesterov: boolean) {
  const shape = param.shape;
  const p = Array.from(param.dataSync());
  const v = new Array<number>(p.length).fill(0);
  for (const gt of grads) {
    const g = gt.dataSync();
    for (let i = 0; i < p.length; i++) {
      if (nesterov) {
        const d = g[i] + momentum * v[i];
        v[i] = momentum * v[i] + g[i];
        p[i] -= lr * d;
      } else {
        v[i] = momentum * v[i] + g[i];
        p[i] -= lr * v[i];
      }
    }
  }
  return { param: tf.tensor(p, shape, 'float32'), velocity: tf.tensor(v, shape, 'float32') };
}
