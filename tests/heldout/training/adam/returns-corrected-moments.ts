// Held-out wrong variant: returns the bias-corrected moments m_hat, v_hat instead of the uncorrected m, v.
import * as tf from '@tensorflow/tfjs';

export function adam(param: tf.Tensor, grads: tf.Tensor[], lr: number, beta1: number, beta2: number, eps: number) {
  const n = param.size;
  const p = Float64Array.from(param.dataSync());
  const m = new Float64Array(n);
  const v = new Float64Array(n);
  grads.forEach((gt, idx) => {
    const t = idx + 1;
    const g = gt.dataSync();
    const c1 = 1 - Math.pow(beta1, t);
    const c2 = 1 - Math.pow(beta2, t);
    for (let i = 0; i < n; i++) {
      m[i] = beta1 * m[i] + (1 - beta1) * g[i];
      v[i] = beta2 * v[i] + (1 - beta2) * g[i] * g[i];
      const mHat = m[i] / c1;
      const vHat = v[i] / c2;
      p[i] -= (lr * mHat) / (Math.sqrt(vHat) + eps);
    }
  });
  const shape = param.shape;
  return {
    param: tf.tensor(Float32Array.from(p), shape, 'float32'),
    m: tf.tensor(Float32Array.from(m.map((x) => x / (1 - Math.pow(beta1, grads.length)))), shape, 'float32'),
    v: tf.tensor(Float32Array.from(v.map((x) => x / (1 - Math.pow(beta2, grads.length)))), shape, 'float32'),
  };
}
