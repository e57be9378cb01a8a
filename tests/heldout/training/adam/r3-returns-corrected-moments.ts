// Held-out wrong variant: returns the bias-corrected moments m̂_T and v̂_T instead of the uncorrected m_T and v_T (the parameter update itself is correct).
import * as tf from '@tensorflow/tfjs';

export function adam(param: tf.Tensor, grads: tf.Tensor[], lr: number, beta1: number, beta2: number, eps: number) {
  const shape = param.shape;
  const p = Array.from(param.dataSync());
  const n = p.length;
  const m = new Array(n).fill(0);
  const v = new Array(n).fill(0);
  const mHat = new Array(n).fill(0);
  const vHat = new Array(n).fill(0);
  for (let i = 0; i < grads.length; i++) {
    const t = i + 1;
    const g = grads[i].dataSync();
    const bc1 = 1 - Math.pow(beta1, t);
    const bc2 = 1 - Math.pow(beta2, t);
    for (let j = 0; j < n; j++) {
      m[j] = beta1 * m[j] + (1 - beta1) * g[j];
      v[j] = beta2 * v[j] + (1 - beta2) * g[j] * g[j];
      mHat[j] = m[j] / bc1;
      vHat[j] = v[j] / bc2;
      p[j] -= (lr * mHat[j]) / (Math.sqrt(vHat[j]) + eps);
    }
  }
  return {
    param: tf.tensor(p, shape, 'float32'),
    m: tf.tensor(mHat, shape, 'float32'),
    v: tf.tensor(vHat, shape, 'float32'),
  };
}
