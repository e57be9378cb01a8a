import * as tf from '@tensorflow/tfjs';

/**
 * Unbiased pass@k over P problems.
 * n: [P] int32, the number of samples generated for each problem (n_p ≥ k).
 * c: [P] int32, how many of those samples are correct (0 ≤ c_p ≤ n_p).
 * k: the sample budget, 1 ≤ k ≤ min(n).
 * Returns { perProblem: [P] float32, mean: [] float32 } with
 *   pass@k_p = 1 − C(n_p − c_p, k) / C(n_p, k)   (exactly 1 when n_p − c_p < k),
 *   mean = plain average of pass@k_p over the P problems.
 */
export function passAtK(n: tf.Tensor1D, c: tf.Tensor1D, k: number): { perProblem: tf.Tensor1D; mean: tf.Scalar } {
  // TODO
  throw new Error('TODO: implement passAtK');
}
