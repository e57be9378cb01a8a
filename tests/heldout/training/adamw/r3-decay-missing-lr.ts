// Held-out wrong variant: the decoupled decay multiplies the parameter by (1 − λ) instead of (1 − η·λ), i.e. the learning-rate factor is missing from the weight decay.
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
  let p = param.clone();
  let m = tf.zerosLike(param);
  let v = tf.zerosLike(param);
  grads.forEach((g, i) => {
    const t = i + 1;
    const next = tf.tidy(() => {
      const decayed = p.mul(1 - weightDecay);
      const m2 = tf.add(tf.mul(m, beta1), tf.mul(g, 1 - beta1));
      const v2 = tf.add(tf.mul(v, beta2), tf.mul(tf.square(g), 1 - beta2));
      const mHat = tf.div(m2, 1 - beta1 ** t);
      const vHat = tf.div(v2, 1 - beta2 ** t);
      const p2 = tf.sub(decayed, tf.mul(lr, tf.div(mHat, tf.add(tf.sqrt(vHat), eps))));
      return { p2, m2, v2 };
    });
    p.dispose(); m.dispose(); v.dispose();
    p = next.p2; m = next.m2; v = next.v2;
  });
  return { param: p, m, v };
}
