import * as tf from '@tensorflow/tfjs';

/**
 * A2C loss over N rollouts of T steps with A discrete actions, and its gradients.
 * logits: [N, T, A] policy logits; actions: [N, T] int32 actions taken; values: [N, T + 1] critic
 * outputs V(s_t) (values[:, T] bootstraps the cut-off rollout); rewards, dones, mask: [N, T]
 * (dones: episode ended after step t; mask: 1 on valid steps, 0 on padding).
 * R_t = r_t + γ(1 − done_t)R_{t+1}, R_T = V(s_T); A_t = R_t − V(s_t); R and A are constants (no gradient).
 * Means are over valid steps (Σ mask·x / Σ mask):
 *   policyLoss = −mean(log π(a_t|s_t)·A_t), valueLoss = mean((R_t − V(s_t))²), entropy = mean(H(π(·|s_t))),
 *   loss = policyLoss + valueCoef·valueLoss − entropyCoef·entropy.
 * Returns the four scalars and gradLogits = ∂loss/∂logits [N, T, A], gradValues = ∂loss/∂values [N, T + 1].
 */
export function actorCriticLoss(
  logits: tf.Tensor3D,
  actions: tf.Tensor2D,
  values: tf.Tensor2D,
  rewards: tf.Tensor2D,
  dones: tf.Tensor2D,
  mask: tf.Tensor2D,
  gamma: number,
  valueCoef: number,
  entropyCoef: number,
): {
  loss: tf.Scalar;
  policyLoss: tf.Scalar;
  valueLoss: tf.Scalar;
  entropy: tf.Scalar;
  gradLogits: tf.Tensor3D;
  gradValues: tf.Tensor2D;
} {
  // TODO
  throw new Error('TODO: implement actorCriticLoss');
}
