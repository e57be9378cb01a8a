import * as tf from '@tensorflow/tfjs';

/**
 * Generalized Advantage Estimation over N parallel rollouts of T steps.
 * rewards: [N, T] float32, r_t received after the action at step t.
 * values:  [N, T + 1] float32, V(s_t); values[:, T] is the bootstrap value of the state after the last step.
 * dones:   [N, T] float32 0/1, 1 when the episode ended at step t (after reward r_t).
 * gamma: discount γ; lam: GAE λ.
 * Returns { advantages: [N, T], returns: [N, T] } with
 *   δ_t = r_t + γ·V_{t+1}·(1 − done_t) − V_t,   A_t = δ_t + γλ·(1 − done_t)·A_{t+1} (A_T = 0),
 *   returns = advantages + values[:, :T].
 */
export function gae(
  rewards: tf.Tensor2D,
  values: tf.Tensor2D,
  dones: tf.Tensor2D,
  gamma: number,
  lam: number,
): { advantages: tf.Tensor2D; returns: tf.Tensor2D } {
  // TODO: a backward pass over t.
  return { advantages: tf.zerosLike(rewards), returns: tf.zerosLike(rewards) };
}
