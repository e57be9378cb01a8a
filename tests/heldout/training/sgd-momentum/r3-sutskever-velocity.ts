// Held-out wrong variant: uses the Sutskever form v ← μv + η·g, p ← p − v (learning rate folded into the velocity) instead of PyTorch's v ← μv + g, p ← p − η·v.
import * as tf from '@tensorflow/tfjs';

export function sgdMomentum(param: tf.Tensor, grads: tf.Tensor[], lr: number, momentum: number, nesterov: boolean) {
  return tf.tidy(() => {
    let p: tf.Tensor = param.clone();
    let v: tf.Tensor = tf.zerosLike(param);
    for (const g of grads) {
      v = v.mul(momentum).add(g.mul(lr));
      if (nesterov) {
        p = p.sub(g.mul(lr).add(v.mul(momentum)));
      } else {
        p = p.sub(v);
      }
    }
    return { param: p, velocity: v };
  });
}
