import * as tf from '@tensorflow/tfjs';

export function adam(param: tf.Tensor, grads: tf.Tensor[], lr: number, beta1: number, beta2: number, eps: number) {
  return tf.tidy(() => {
    let p = param;
    let m = tf.zerosLike(param);
    let v = tf.zerosLike(param);
    grads.forEach((g, i) => {
      const t = i + 1;
      m = m.mul(beta1).add(g.mul(1 - beta1));
      v = v.mul(beta2).add(g.square().mul(1 - beta2));
      // Bug: bias correction folded into the step size, so eps is added to the uncorrected √v.
      const stepSize = (lr * Math.sqrt(1 - beta2 ** t)) / (1 - beta1 ** t);
      p = p.sub(m.div(v.sqrt().add(eps)).mul(stepSize));
    });
    return { param: p, m, v };
  });
}
