import * as tf from '@tensorflow/tfjs';

export function adam(param: tf.Tensor, grads: tf.Tensor[], lr: number, beta1: number, beta2: number, eps: number) {
  return tf.tidy(() => {
    let p = param;
    let m = tf.zerosLike(param);
    let v = tf.zerosLike(param);
    grads.forEach((g, i) => {
      const t = i + 1;
      // Bug: beta1 and beta2 swapped: m decays with beta2 and v with beta1.
      m = m.mul(beta2).add(g.mul(1 - beta2));
      v = v.mul(beta1).add(g.square().mul(1 - beta1));
      const mHat = m.div(1 - beta2 ** t);
      const vHat = v.div(1 - beta1 ** t);
      p = p.sub(mHat.div(vHat.sqrt().add(eps)).mul(lr));
    });
    return { param: p, m, v };
  });
}
