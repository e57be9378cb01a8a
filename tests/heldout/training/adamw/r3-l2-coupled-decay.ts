// Held-out wrong variant: implements Adam with L2 regularization — λ·p is added to the gradient before the moment updates — instead of decoupled weight decay applied directly to the parameter.
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
    let p: tf.Tensor = param.clone();
    let m: tf.Tensor = tf.zerosLike(param);
    let v: tf.Tensor = tf.zerosLike(param);
    for (let t = 1; t <= grads.length; t++) {
      const g = grads[t - 1].add(p.mul(weightDecay));
      m = m.mul(beta1).add(g.mul(1 - beta1));
      v = v.mul(beta2).add(g.square().mul(1 - beta2));
      const mHat = m.div(1 - Math.pow(beta1, t));
      const vHat = v.div(1 - Math.pow(beta2, t));
      p = p.sub(mHat.div(vHat.sqrt().add(eps)).mul(lr));
    }
    return { param: p, m, v };
  });
}
