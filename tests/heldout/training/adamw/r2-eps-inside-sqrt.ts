// Held-out wrong variant: adds epsilon inside the square root, sqrt(v_hat + eps), instead of outside.
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
  return tf.tidy(() => {
    let p = param.clone();
    let m = tf.zerosLike(param);
    let v = tf.zerosLike(param);
    for (let i = 0; i < grads.length; i++) {
      const t = i + 1;
      const g = grads[i];
      p = tf.mul(p, 1 - lr * weightDecay);
      m = tf.add(tf.mul(m, beta1), tf.mul(g, 1 - beta1));
      v = tf.add(tf.mul(v, beta2), tf.mul(tf.square(g), 1 - beta2));
      const mhat = tf.div(m, 1 - Math.pow(beta1, t));
      const vhat = tf.div(v, 1 - Math.pow(beta2, t));
      p = tf.sub(p, tf.mul(tf.div(mhat, tf.sqrt(tf.add(vhat, eps))), lr));
    }
    return { param: p, m, v };
  });
}
