import * as tf from '@tensorflow/tfjs';

export function sgdMomentum(param: tf.Tensor, grads: tf.Tensor[], lr: number, momentum: number, nesterov: boolean) {
  return tf.tidy(() => {
    let p = param;
    // Bug: v initialised to the first gradient, then the first update adds it again.
    let v = grads[0].clone();
    for (const g of grads) {
      v = v.mul(momentum).add(g);
      const step = nesterov ? g.add(v.mul(momentum)) : v;
      p = p.sub(step.mul(lr));
    }
    return { param: p, velocity: v };
  });
}
