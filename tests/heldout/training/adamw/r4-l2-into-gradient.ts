// Held-out wrong variant: weight decay is added to the gradient (g + λp, Adam with L2) before the moment updates instead of being applied as a decoupled p ← p − ηλp.
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
      const g = grads[i].add(p.mul(weightDecay));
      m = m.mul(beta1).add(g.mul(1 - beta1));
      v = v.mul(beta2).add(g.square().mul(1 - beta2));
      const mHat = m.div(1 - beta1 ** t);
      const vHat = v.div(1 - beta2 ** t);
      p = p.sub(mHat.div(vHat.sqrt().add(eps)).mul(lr));
    }
    return { param: p, m, v };
  });
}
