// Held-out wrong variant: epsilon is added inside the square root (sqrt(v̂ + eps)) instead of outside it (sqrt(v̂) + eps).
import * as tf from '@tensorflow/tfjs';

export function adam(param: tf.Tensor, grads: tf.Tensor[], lr: number, beta1: number, beta2: number, eps: number) {
  let p = param.clone();
  let m = tf.zerosLike(param);
  let v = tf.zerosLike(param);
  for (let i = 0; i < grads.length; i++) {
    const t = i + 1;
    const g = grads[i];
    const [np, nm, nv] = tf.tidy(() => {
      const m2 = m.mul(beta1).add(g.mul(1 - beta1));
      const v2 = v.mul(beta2).add(g.square().mul(1 - beta2));
      const mHat = m2.div(1 - Math.pow(beta1, t));
      const vHat = v2.div(1 - Math.pow(beta2, t));
      const step = mHat.div(vHat.add(eps).sqrt()).mul(lr);
      return [p.sub(step), m2, v2];
    });
    p.dispose(); m.dispose(); v.dispose();
    p = np; m = nm; v = nv;
  }
  return { param: p, m, v };
}
