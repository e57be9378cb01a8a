// Held-out wrong variant: moves the parameter with the previous velocity before updating it (p -= lr * d computed from v_{t-1}, then v = mu * v + g).
import * as tf from '@tensorflow/tfjs';

export function sgdMomentum(param: tf.Tensor, grads: tf.Tensor[], lr: number, momentum: number, nesterov: boolean) {
  return tf.tidy(() => {
    let p = param.clone();
    let v = tf.zerosLike(param);
    for (const g of grads) {
      const d = nesterov ? tf.add(g, tf.mul(v, momentum)) : v;
      p = tf.sub(p, tf.mul(d, lr));
      v = tf.add(tf.mul(v, momentum), g);
    }
    return { param: p, velocity: v };
  });
}
