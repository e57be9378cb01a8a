import * as tf from '@tensorflow/tfjs';

export function sgdMomentum(param: tf.Tensor, grads: tf.Tensor[], lr: number, momentum: number, nesterov: boolean) {
  return tf.tidy(() => {
    let p = param;
    let v = tf.zerosLike(param);
    for (const g of grads) {
      v = v.add(g).mul(momentum); // Bug: chained in the wrong order, v = μ·(v + g), so the new gradient is damped by μ too
      const step = nesterov ? g.add(v.mul(momentum)) : v;
      p = p.sub(step.mul(lr));
    }
    return { param: p, velocity: v };
  });
}
