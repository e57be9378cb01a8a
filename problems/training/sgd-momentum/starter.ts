import * as tf from '@tensorflow/tfjs';

/**
 * Run SGD with momentum (PyTorch convention) over a sequence of gradients.
 * param: any shape; grads: one tensor per step, each the shape of param; lr, momentum: numbers;
 * nesterov: use the Nesterov update. Velocity starts at 0.
 *   v ← momentum·v + g;   p ← p − lr·v            (nesterov: p ← p − lr·(g + momentum·v))
 * Returns { param, velocity } after the last step. tf.train is not allowed.
 */
export function sgdMomentum(param: tf.Tensor, grads: tf.Tensor[], lr: number, momentum: number, nesterov: boolean) {
  // TODO
  return { param: param.clone(), velocity: tf.zerosLike(param) };
}
