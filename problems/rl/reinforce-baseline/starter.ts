import * as tf from '@tensorflow/tfjs';

/**
 * REINFORCE with a baseline.
 * logProbs:  [N, T] float32, log π(a_t | s_t) of the action taken at each step.
 * rewards:   [N, T] float32, r_t.
 * baselines: [N, T] float32, b_t (e.g. a value estimate).
 * gamma: discount γ. Every episode has exactly T steps.
 * Returns the scalar tensor  −(1/N) Σ_n Σ_t logProbs[n,t] · (G[n,t] − baselines[n,t]),
 * where G_t = Σ_{k ≥ t} γ^{k−t} r_k is the discounted reward-to-go.
 */
export function reinforceLoss(logProbs: tf.Tensor2D, rewards: tf.Tensor2D, baselines: tf.Tensor2D, gamma: number): tf.Scalar {
  // TODO: reward-to-go, subtract the baseline, weight the log-probs.
  return tf.scalar(0);
}
