// Held-out wrong variant: uses the Sutskever form with the learning rate inside the velocity (v ← μv + ηg, p ← p − v) instead of PyTorch's v ← μv + g, p ← p − ηv.
import * as tf from '@tensorflow/tfjs';

export function sgdMomentum(param: tf.Tensor, grads: tf.Tensor[], lr: number, momentum: number, nesterov: boolean) {
  return tf.tidy(() => {
    let p = param.clone();
    let v = tf.zerosLike(param);
    for (const g of grads) {
      v = v.mul(momentum).add(g.mul(lr));
      const d = nesterov ? g.mul(lr).add(v.mul(momentum)) : v;
      p = p.sub(d);
    }
    return { param: p, velocity: v };
  });
}
