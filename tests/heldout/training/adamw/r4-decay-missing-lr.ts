// Held-out wrong variant: the decay multiplies the parameter by (1 − λ) instead of (1 − ηλ), i.e. the learning rate is missing from the decay term.
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
  const shape = param.shape;
  const p = Array.from(param.dataSync());
  const m = p.map(() => 0);
  const v = p.map(() => 0);
  for (let s = 0; s < grads.length; s++) {
    const g = grads[s].dataSync();
    const t = s + 1;
    const c1 = 1 - Math.pow(beta1, t);
    const c2 = 1 - Math.pow(beta2, t);
    for (let i = 0; i < p.length; i++) {
      p[i] = p[i] * (1 - weightDecay);
      m[i] = beta1 * m[i] + (1 - beta1) * g[i];
      v[i] = beta2 * v[i] + (1 - beta2) * g[i] * g[i];
      p[i] = p[i] - (lr * (m[i] / c1)) / (Math.sqrt(v[i] / c2) + eps);
    }
  }
  return { param: tf.tensor(p, shape), m: tf.tensor(m, shape), v: tf.tensor(v, shape) };
}
