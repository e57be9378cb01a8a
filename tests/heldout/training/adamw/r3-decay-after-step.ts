// Held-out wrong variant: the decoupled weight decay is applied after the Adam step, to the already-updated parameter, instead of to the parameter before the step.
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
    const t = s + 1;
    const g = grads[s].dataSync();
    const c1 = 1 - Math.pow(beta1, t);
    const c2 = 1 - Math.pow(beta2, t);
    for (let j = 0; j < p.length; j++) {
      m[j] = beta1 * m[j] + (1 - beta1) * g[j];
      v[j] = beta2 * v[j] + (1 - beta2) * g[j] * g[j];
      p[j] = p[j] - (lr * (m[j] / c1)) / (Math.sqrt(v[j] / c2) + eps);
      p[j] = p[j] - lr * weightDecay * p[j];
    }
  }
  return {
    param: tf.tensor(p, shape, 'float32'),
    m: tf.tensor(m, shape, 'float32'),
    v: tf.tensor(v, shape, 'float32'),
  };
}
