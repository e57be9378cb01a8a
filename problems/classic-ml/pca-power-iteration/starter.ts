import * as tf from '@tensorflow/tfjs';

/**
 * Top-k principal components by power iteration with deflation.
 * x: [n, d] data (rows are samples); k ≤ d; init: [d] starting vector (used for every component);
 * iterations: power-iteration steps per component.
 * Returns [k, d]: unit-norm components, largest variance first, each with its largest-magnitude entry positive.
 */
export function pcaPowerIteration(x: tf.Tensor2D, k: number, init: tf.Tensor1D, iterations: number): tf.Tensor2D {
  // TODO: centre, covariance, power iteration, sign fix, deflation.
  return tf.zeros([k, x.shape[1]]);
}
