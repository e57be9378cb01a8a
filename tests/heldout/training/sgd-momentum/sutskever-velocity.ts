// Held-out wrong variant: Sutskever form, velocity accumulates lr*g (v = mu*v + lr*g, p -= v), so the returned velocity is in parameter units.
import * as tf from '@tensorflow/tfjs';

export function sgdMomentum(param: tf.Tensor, grads: tf.Tensor[], lr: number, momentum: number, nesterov: boolean) {
  const n = param.size;
  const p = Float64Array.from(param.dataSync());
  const v = new Float64Array(n);
  for (const gt of grads) {
    const g = gt.dataSync();
    for (let i = 0; i < n; i++) {
      v[i] = momentum * v[i] + lr * g[i];
      const d = nesterov ? lr * g[i] + momentum * v[i] : v[i];
      p[i] -= d;
    }
  }
  return {
    param: tf.tensor(Float32Array.from(p), param.shape, 'float32'),
    velocity: tf.tensor(Float32Array.from(v), param.shape, 'float32'),
  };
}
