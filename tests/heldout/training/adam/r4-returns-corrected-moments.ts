// Held-out wrong variant: returns the bias-corrected moments m̂_T and v̂_T instead of the uncorrected m_T and v_T.
import * as tf from '@tensorflow/tfjs';

export function adam(param: tf.Tensor, grads: tf.Tensor[], lr: number, beta1: number, beta2: number, eps: number) {
  return tf.tidy(() => {
    let p = param.clone();
    let m = tf.zerosLike(param);
    let v = tf.zerosLike(param);
    let mHat = m;
    let vHat = v;
    grads.forEach((g, i) => {
      const t = i + 1;
      m = m.mul(beta1).add(g.mul(1 - beta1));
      v = v.mul(beta2).add(g.square().mul(1 - beta2));
      mHat = m.div(1 - Math.pow(beta1, t));
      vHat = v.div(1 - Math.pow(beta2, t));
      p = p.sub(mHat.mul(lr).div(vHat.sqrt().add(eps)));
    });
    return { param: p, m: mHat, v: vHat };
  });
}
