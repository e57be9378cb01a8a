// Held-out wrong variant: the step counter used in the bias correction is one ahead (t = i + 2, i.e. incremented before use on a counter that already starts at 1).
import * as tf from '@tensorflow/tfjs';

export function adam(param: tf.Tensor, grads: tf.Tensor[], lr: number, beta1: number, beta2: number, eps: number) {
  return tf.tidy(() => {
    let p = param.clone();
    let m = tf.zerosLike(param);
    let v = tf.zerosLike(param);
    for (let i = 0; i < grads.length; i++) {
      const t = i + 2;
      const g = grads[i];
      m = tf.add(tf.mul(m, beta1), tf.mul(g, 1 - beta1));
      v = tf.add(tf.mul(v, beta2), tf.mul(tf.square(g), 1 - beta2));
      const mhat = tf.div(m, 1 - Math.pow(beta1, t));
      const vhat = tf.div(v, 1 - Math.pow(beta2, t));
      p = tf.sub(p, tf.mul(tf.div(mhat, tf.add(tf.sqrt(vhat), eps)), lr));
    }
    return { param: p, m, v };
  });
}
