// Held-out wrong variant: the second-moment bias correction divides by 1 − beta1^t instead of 1 − beta2^t (copy-paste slip).
import * as tf from '@tensorflow/tfjs';

export function adam(param: tf.Tensor, grads: tf.Tensor[], lr: number, beta1: number, beta2: number, eps: number) {
  const shape = param.shape;
  const p = Array.from(param.dataSync());
  const n = p.length;
  const m = new Array(n).fill(0);
  const v = new Array(n).fill(0);
  for (let s = 0; s < grads.length; s++) {
    const t = s + 1;
    const g = grads[s].dataSync();
    const bc1 = 1 - Math.pow(beta1, t);
    const bc2 = 1 - Math.pow(beta1, t);
    for (let i = 0; i < n; i++) {
      m[i] = beta1 * m[i] + (1 - beta1) * g[i];
      v[i] = beta2 * v[i] + (1 - beta2) * g[i] * g[i];
      const mHat = m[i] / bc1;
      const vHat = v[i] / bc2;
      p[i] -= (lr * mHat) / (Math.sqrt(vHat) + eps);
    }
  }
  return {
    param: tf.tensor(p, shape, 'float32'),
    m: tf.tensor(m, shape, 'float32'),
    v: tf.tensor(v, shape, 'float32'),
  };
}
