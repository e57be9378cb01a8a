// Held-out wrong variant: the second-moment bias correction divides by 1 − β1ᵗ instead of 1 − β2ᵗ (copy-paste slip from the first moment).
import * as tf from '@tensorflow/tfjs';

export function adam(param: tf.Tensor, grads: tf.Tensor[], lr: number, beta1: number, beta2: number, eps: number) {
  return tf.tidy(() => {
    let p: tf.Tensor = param.clone();
    let m: tf.Tensor = tf.zerosLike(param);
    let v: tf.Tensor = tf.zerosLike(param);
    grads.forEach((g, i) => {
      const t = i + 1;
      m = tf.add(tf.mul(beta1, m), tf.mul(1 - beta1, g));
      v = tf.add(tf.mul(beta2, v), tf.mul(1 - beta2, tf.square(g)));
      const mHat = tf.div(m, 1 - beta1 ** t);
      const vHat = tf.div(v, 1 - beta1 ** t);
      p = tf.sub(p, tf.div(tf.mul(lr, mHat), tf.add(tf.sqrt(vHat), eps)));
    });
    return { param: p, m, v };
  });
}
