import * as tf from '@tensorflow/tfjs';

export function sgdMomentum(param: tf.Tensor, grads: tf.Tensor[], lr: number, momentum: number, nesterov: boolean) {
  return tf.tidy(() => {
    let p = param;
    let v = tf.zerosLike(param);
    for (const g of grads) {
      // Bug (Sutskever form): lr folded into the velocity, so v is not in gradient units.
      v = v.mul(momentum).add(g.mul(lr));
      const step = nesterov ? g.mul(lr).add(v.mul(momentum)) : v;
      p = p.sub(step);
    }
    return { param: p, velocity: v };
  });
}
