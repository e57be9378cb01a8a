import * as tf from '@tensorflow/tfjs';

/**
 * SGD with momentum, PyTorch convention: v ← μ·v + g, p ← p − lr·v
 * (nesterov: p ← p − lr·(g + μ·v)), starting from v = 0, one step per gradient in `grads`.
 */
export function sgdMomentum(param: tf.Tensor, grads: tf.Tensor[], lr: number, momentum: number, nesterov: boolean) {
  return tf.tidy(() => {
    let p = param;
    let v = tf.zerosLike(param);
    for (const g of grads) {
      v = v.mul(momentum).add(g);
      const step = nesterov ? g.add(v.mul(momentum)) : v;
      p = p.sub(step.mul(lr));
    }
    return { param: p, velocity: v };
  });
}
