// Held-out wrong variant: Adam + L2 (coupled decay): adds weightDecay*p to the gradient before the moments instead of decaying the parameter directly.
import * as tf from '@tensorflow/tfjs';

export function adamw(
  param: tf.Tensor,
  grads: tf.Tensor[],
  lr: number,
  beta1: number,
  beta2: number,
  eps: number,
  weightDecay: number,
) {
  const n = param.size;
  const p = Float64Array.from(param.dataSync());
  const m = new Float64Array(n);
  const v = new Float64Array(n);
  for (let s = 0; s < grads.length; s++) {
    const t = s + 1;
    const g = grads[s].dataSync();
    const bc1 = 1 - beta1 ** t;
    const bc2 = 1 - beta2 ** t;
    for (let i = 0; i < n; i++) {
      const gi = g[i] + weightDecay * p[i];
      m[i] = beta1 * m[i] + (1 - beta1) * gi;
      v[i] = beta2 * v[i] + (1 - beta2) * gi * gi;
      p[i] = p[i] - (lr * (m[i] / bc1)) / (Math.sqrt(v[i] / bc2) + eps);
    }
  }
  const shape = param.shape;
  return {
    param: tf.tensor(Float32Array.from(p), shape, 'float32'),
    m: tf.tensor(Float32Array.from(m), shape, 'float32'),
    v: tf.tensor(Float32Array.from(v), shape, 'float32'),
  };
}
