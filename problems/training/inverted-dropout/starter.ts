import * as tf from '@tensorflow/tfjs';

/**
 * x: any shape, float32. u: same shape as x, uniform random numbers in [0, 1).
 * p: drop probability in [0, 1). training: true in training mode, false at evaluation.
 * Training: keep element i when u[i] ≥ p, zero it otherwise, and scale kept elements by 1/(1 − p).
 * Evaluation: return x unchanged.
 */
export function invertedDropout(x: tf.Tensor, u: tf.Tensor, p: number, training: boolean): tf.Tensor {
  // TODO
  return tf.zerosLike(x);
}
