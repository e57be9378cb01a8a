import * as tf from '@tensorflow/tfjs';

export function sgdMomentum(param: tf.Tensor, grads: tf.Tensor[], lr: number, momentum: number, nesterov: boolean) {
  return tf.tidy(() => {
    let p = param;
    let v = tf.zerosLike(param);
    for (const g of grads) {
      // Bug: EMA-style dampening, v ← μ·v + (1 − μ)·g.
      v = v.mul(momentum).add(g.mul(1 - momentum));
      const step = nesterov ? g.add(v.mul(momentum)) : v;
      p = p.sub(step.mul(lr));
    }
    return { param: p, velocity: v };
  });
}
