import * as tf from '@tensorflow/tfjs';

export function sgdMomentum(param: tf.Tensor, grads: tf.Tensor[], lr: number, momentum: number, nesterov: boolean) {
  return tf.tidy(() => {
    let p = param;
    let v = tf.zerosLike(param);
    for (const g of grads) {
      v = v.mul(momentum).add(g);
      // Bug: the Nesterov look-ahead g + μ·v is written back into the velocity.
      if (nesterov) v = g.add(v.mul(momentum));
      p = p.sub(v.mul(lr));
    }
    return { param: p, velocity: v };
  });
}
