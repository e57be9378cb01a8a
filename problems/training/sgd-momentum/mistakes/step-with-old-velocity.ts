import * as tf from '@tensorflow/tfjs';

export function sgdMomentum(param: tf.Tensor, grads: tf.Tensor[], lr: number, momentum: number, nesterov: boolean) {
  return tf.tidy(() => {
    let p = param;
    let v = tf.zerosLike(param);
    for (const g of grads) {
      if (nesterov) {
        v = v.mul(momentum).add(g);
        p = p.sub(g.add(v.mul(momentum)).mul(lr));
      } else {
        // Bug: the parameter moves with last step's velocity, before v is updated.
        p = p.sub(v.mul(lr));
        v = v.mul(momentum).add(g);
      }
    }
    return { param: p, velocity: v };
  });
}
