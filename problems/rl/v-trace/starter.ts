import * as tf from '@tensorflow/tfjs';

/**
 * V-trace targets and policy-gradient advantages (IMPALA) for N rollouts of T steps.
 * behaviorLogProbs, targetLogProbs: [N, T] float32, log μ(a_t|x_t) and log π(a_t|x_t) of the taken action.
 * rewards, dones: [N, T] float32 (dones 0/1: the episode ended after step t).
 * values: [N, T + 1] float32, V(x_t); values[:, T] bootstraps the cut-off rollout.
 * ρ_t = min(rhoBar, π/μ), c_t = min(cBar, π/μ), γ_t = gamma·(1 − done_t),
 * δ_t = ρ_t (r_t + γ_t V(x_{t+1}) − V(x_t)),  v_t − V(x_t) = δ_t + γ_t c_t (v_{t+1} − V(x_{t+1})),  v_T = V(x_T).
 * pgAdvantages_t = ρ_t (r_t + γ_t v_{t+1} − V(x_t)).
 * Returns { vs: [N, T], pgAdvantages: [N, T] } float32.
 */
export function vtrace(
  behaviorLogProbs: tf.Tensor2D,
  targetLogProbs: tf.Tensor2D,
  rewards: tf.Tensor2D,
  values: tf.Tensor2D,
  dones: tf.Tensor2D,
  gamma: number,
  rhoBar: number,
  cBar: number,
): { vs: tf.Tensor2D; pgAdvantages: tf.Tensor2D } {
  // TODO
  throw new Error('TODO: implement vtrace');
}
