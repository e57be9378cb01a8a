import * as tf from '@tensorflow/tfjs';

/**
 * Run Adam over a sequence of gradients, starting from m = v = 0, step t = 1, 2, ….
 * param: any shape; grads: one tensor per step, param's shape; lr, beta1, beta2, eps: numbers.
 *   m ← β1·m + (1−β1)·g,  v ← β2·v + (1−β2)·g²
 *   p ← p − lr · m̂ / (√v̂ + eps),  m̂ = m / (1−β1ᵗ),  v̂ = v / (1−β2ᵗ)
 * Returns { param, m, v } after the last step (m and v WITHOUT bias correction).
 * tf.train is not allowed.
 */
export function adam(param: tf.Tensor, grads: tf.Tensor[], lr: number, beta1: number, beta2: number, eps: number) {
  // TODO
  return { param: param.clone(), m: tf.zerosLike(param), v: tf.zerosLike(param) };
}
