import * as tf from '@tensorflow/tfjs';

/**
 * Random-walk Metropolis–Hastings on a 1-D unnormalised log-density log p̃(x) = Σ_j coeffs[j]·x^j.
 * Step t: x' = x + proposalStd · noise[t]; accept if uniforms[t] < p̃(x') / p̃(x), else stay at x.
 * Returns the states after steps burnIn, …, steps − 1 as a [steps − burnIn] tensor.
 */
export function metropolisHastings(
  coeffs: number[],
  x0: number,
  proposalStd: number,
  noise: tf.Tensor1D,
  uniforms: tf.Tensor1D,
  burnIn: number,
): tf.Tensor1D {
  // TODO
  return tf.zeros([noise.shape[0] - burnIn]);
}
