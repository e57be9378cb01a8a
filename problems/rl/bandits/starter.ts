import * as tf from '@tensorflow/tfjs';

/**
 * UCB1 and Thompson sampling on a K-armed Bernoulli bandit, with all randomness given.
 * means:    [K] float32, the true success probability μ_k of each arm (only for the regret).
 * rewards:  [T, K] float32 0/1, the reward pulling arm k at step t would give.
 * uniforms: [T, K, T] float32 in [0, 1), Thompson sampling's draws: at step t, arm k's sample from
 *           Beta(a, b) (a = 1 + wins, b = 1 + losses) is the a-th smallest of uniforms[t, k, 0 .. a + b − 2].
 * UCB1: pull arms 0 … K − 1 once each, then argmax_k wins_k / n_k + sqrt(2 ln t / n_k) (t = pulls so far).
 * Ties go to the lowest index. Regret: cumulative Σ (max_k μ_k − μ_{a_t}).
 * Returns { ucbArms: [T] int32, ucbRegret: [T] float32, tsArms: [T] int32, tsRegret: [T] float32 }.
 */
export function bandits(
  means: tf.Tensor1D,
  rewards: tf.Tensor2D,
  uniforms: tf.Tensor3D,
): { ucbArms: tf.Tensor1D; ucbRegret: tf.Tensor1D; tsArms: tf.Tensor1D; tsRegret: tf.Tensor1D } {
  // TODO
  throw new Error('TODO: implement bandits');
}
