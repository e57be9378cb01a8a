import * as tf from '@tensorflow/tfjs';

export function sgdMomentum(param: tf.Tensor, grads: tf.Tensor[], lr: number, momentum: number, nesterov: boolean) {
  return tf.tidy(() => {
    let p = param;
    let v = tf.zerosLike(param);
    for (const g of grads) {
      // Bug: the parameter moves with last step's velocity, before v is updated.
      const step = nesterov ? g.add(v.mul(momentum)) : v;
      p = p.sub(step.mul(lr));
      v = v.mul(momentum).add(g);
    }
    return { param: p, velocity: v };
  });
}
