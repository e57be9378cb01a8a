import * as tf from '@tensorflow/tfjs';

/**
 * Discrete soft actor-critic quantities for a batch of B transitions with A actions.
 * rewards, dones: [B] float32 (dones 0/1: the transition ended the episode).
 * nextLogits, nextQ1, nextQ2: [B, A] policy logits and the twin target critics at s′.
 * logits, q1, q2: [B, A] policy logits and the twin critics at s.
 * α = exp(logAlpha); gamma: discount; targetEntropy: H̄.
 * qTarget = r + γ(1 − done)·Σ_a π(a|s′)[min(Q1′, Q2′)(a) − α log π(a|s′)]             → [B]
 * policyLoss = mean_b Σ_a π(a|s)[α log π(a|s) − min(Q1, Q2)(a)]                       → []
 * alphaLoss = −logAlpha · mean_b(Σ_a π(a|s) log π(a|s) + H̄)                           → []
 * Use log-softmax for log π: logits can be huge.
 */
export function sacTargets(
  rewards: tf.Tensor1D,
  dones: tf.Tensor1D,
  nextLogits: tf.Tensor2D,
  nextQ1: tf.Tensor2D,
  nextQ2: tf.Tensor2D,
  logits: tf.Tensor2D,
  q1: tf.Tensor2D,
  q2: tf.Tensor2D,
  logAlpha: number,
  gamma: number,
  targetEntropy: number,
): { qTarget: tf.Tensor1D; policyLoss: tf.Scalar; alphaLoss: tf.Scalar } {
  // TODO
  throw new Error('TODO: implement sacTargets');
}
