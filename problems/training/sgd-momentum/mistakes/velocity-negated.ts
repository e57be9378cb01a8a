import * as tf from '@tensorflow/tfjs';

export function sgdMomentum(param: tf.Tensor, grads: tf.Tensor[], lr: number, momentum: number, nesterov: boolean) {
  return tf.tidy(() => {
    let p = param;
    let v = tf.zerosLike(param);
    for (const g of grads) {
      // Bug: velocity stored with the opposite sign (v ← μ·v − g, p ← p + lr·v).
      v = v.mul(momentum).sub(g);
      const step = nesterov ? v.mul(momentum).sub(g) : v;
      p = p.add(step.mul(lr));
    }
    return { param: p, velocity: v };
  });
}
