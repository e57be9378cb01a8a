// Held-out wrong variant: the decoupled decay is applied after the Adam step (to the already-updated parameter) instead of to the parameter before the step.
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
    const out = tf.tidy(() => {
      const m2 = tf.add(tf.mul(beta1, m), tf.mul(1 - beta1, g));
      const v2 = tf.add(tf.mul(beta2, v), tf.mul(1 - beta2, tf.square(g)));
      const mHat = tf.div(m2, 1 - Math.pow(beta1, t));
      const vHat = tf.div(v2, 1 - Math.pow(beta2, t));
      const stepped = tf.sub(p, tf.mul(lr, tf.div(mHat, tf.add(tf.sqrt(vHat), eps))));
      const decayed = tf.sub(stepped, tf.mul(lr * weightDecay, stepped));
      return { p: decayed, m: m2, v: v2 };
    });
    p.dispose(); m.dispose(); v.dispose();
    p = out.p; m = out.m; v = out.v;
  });
  return { param: p, m, v };
}
