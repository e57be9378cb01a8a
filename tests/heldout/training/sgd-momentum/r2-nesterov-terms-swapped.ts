// Held-out wrong variant: the Nesterov step puts the momentum on the wrong term, d = v + mu * g instead of g + mu * v.
import * as tf from '@tensorflow/tfjs';

export function sgdMomentum(param: tf.Tensor, grads: tf.Tensor[], lr: number, momentum: number, nesterov: boolean) {
  return tf.tidy(() => {
    let p = param.clone();
    let v = tf.zerosLike(param);
    for (const g of grads) {
      v = tf.add(tf.mul(v, momentum), g);
      const d = nesterov ? tf.add(v, tf.mul(g, momentum)) : v;
      p = tf.sub(p, tf.mul(d, lr));
    }
    return { param: p, velocity: v };
  });
}
