import * as tf from '@tensorflow/tfjs';

export function adam(param: tf.Tensor, grads: tf.Tensor[], lr: number, beta1: number, beta2: number, eps: number) {
  return tf.tidy(() => {
    let p = param;
    let m = tf.zerosLike(param);
    let v = tf.zerosLike(param);
    grads.forEach((g, i) => {
      const t = i + 1;
      m = m.mul(beta1).add(g.mul(1 - beta1));
      v = v.mul(beta2).add(g.mul(1 - beta2)); // Bug: the gradient is not squared
      const mHat = m.div(1 - beta1 ** t);
      const vHat = v.div(1 - beta2 ** t);
      p = p.sub(mHat.div(vHat.sqrt().add(eps)).mul(lr));
    });
    return { param: p, m, v };
  });
}
