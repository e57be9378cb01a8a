import * as tf from '@tensorflow/tfjs';

export function sgdMomentum(param: tf.Tensor, grads: tf.Tensor[], lr: number, momentum: number, nesterov: boolean) {
  return tf.tidy(() => {
    let p = param;
    let v = tf.zerosLike(param);
    for (const g of grads) {
      v = v.mul(momentum).add(g);
      const step = nesterov ? g.add(v).mul(momentum) : v; // Bug: μ·(g + v) instead of g + μ·v
      p = p.sub(step.mul(lr));
    }
    return { param: p, velocity: v };
  });
}
