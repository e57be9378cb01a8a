// Held-out wrong variant: the velocity is an exponential moving average v ← μv + (1 − μ)g (dampening = μ) instead of v ← μv + g.
import * as tf from '@tensorflow/tfjs';

export function sgdMomentum(param: tf.Tensor, grads: tf.Tensor[], lr: number, momentum: number, nesterov: boolean) {
  let p = param.clone();
  let v = tf.zerosLike(param);
  for (const g of grads) {
    const [np, nv] = tf.tidy(() => {
      const vNew = tf.add(tf.mul(v, momentum), tf.mul(g, 1 - momentum));
      const d = nesterov ? tf.add(g, tf.mul(vNew, momentum)) : vNew;
      return [tf.sub(p, tf.mul(d, lr)), vNew];
    });
    p.dispose();
    v.dispose();
    p = np;
    v = nv;
  }
  return { param: p, velocity: v };
}
