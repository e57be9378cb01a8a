import * as tf from '@tensorflow/tfjs';

/**
 * Off-policy evaluation of a target policy π from N trajectories logged under a behaviour policy μ.
 * rewards:       [N, T] float32, r_t of trajectory i.
 * behaviorProbs: [N, T] float32, μ(a_t | s_t) of the logged action (> 0 on valid steps).
 * targetProbs:   [N, T] float32, π(a_t | s_t) of the same action (may be 0).
 * mask:          [N, T] float32 0/1, 1 on the valid steps (a prefix of each row); padded steps hold garbage.
 * gamma: discount; returns are counted from each trajectory's first step.
 * Returns scalars { ordinary, weighted, perDecision } (ordinary, weighted and per-decision importance
 * sampling) and weights: [N], each trajectory's full ratio ρ_i = Π_t π/μ over its valid steps.
 * The weighted estimate is 0 when every weight is 0.
 */
export function offPolicyEval(
  rewards: tf.Tensor2D,
  behaviorProbs: tf.Tensor2D,
  targetProbs: tf.Tensor2D,
  mask: tf.Tensor2D,
  gamma: number,
): { ordinary: tf.Scalar; weighted: tf.Scalar; perDecision: tf.Scalar; weights: tf.Tensor1D } {
  // TODO
  throw new Error('TODO: implement offPolicyEval');
}
