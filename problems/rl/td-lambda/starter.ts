import * as tf from '@tensorflow/tfjs';

/**
 * n-step returns, forward-view λ-returns and Monte-Carlo returns for N rollouts of T steps.
 * rewards: [N, T] float32, r_t received after the action at step t.
 * values:  [N, T + 1] float32, V(s_t); values[:, T] is the value of the state after the last step.
 * dones:   [N, T] float32 0/1, 1 when the episode ended at step t (after r_t).
 * gamma: discount; n: integer ≥ 1; lam: λ in [0, 1].
 * G^(m)_t = Σ_{j<m} γ^j r_{t+j} + γ^m V(s_{t+m}), where the sum stops early (and the bootstrap is
 * dropped) at a done, and m never runs past the end of the rollout (then it bootstraps from values[:, T]).
 * Returns { nStep: G^(min(n, T − t)), lambdaReturn: the forward-view λ-return, monteCarlo: G^(T − t) },
 * each [N, T] float32.
 */
export function tdTargets(
  rewards: tf.Tensor2D,
  values: tf.Tensor2D,
  dones: tf.Tensor2D,
  gamma: number,
  n: number,
  lam: number,
): { nStep: tf.Tensor2D; lambdaReturn: tf.Tensor2D; monteCarlo: tf.Tensor2D } {
  // TODO
  throw new Error('TODO: implement tdTargets');
}
