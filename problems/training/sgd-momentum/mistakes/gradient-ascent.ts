import * as tf from '@tensorflow/tfjs';

export function sgdMomentum(param: tf.Tensor, grads: tf.Tensor[], lr: number, momentum: number, nesterov: boolean) {
  return tf.tidy(() => {
    let p = param;
    let v = tf.zerosLike(param);
    for (const g of grads) {
      v = v.mul(momentum).add(g);
      const step = nesterov ? g.add(v.mul(momentum)) : v;
      p = p.add(step.mul(lr)); // Bug: moves along the gradient
    }
    return { param: p, velocity: v };
  });
}
