import * as tf from '@tensorflow/tfjs';

/**
 * DAPO loss for N = nGroups · groupSize responses (group g = rows g·G … g·G + G − 1), no KL term.
 * logProbs, oldLogProbs: [N, T] float32; responseMask: [N, T] 0/1 (|y_i| = row sum ≥ 1); rewards: [N].
 * 1. shaped reward r̃ = r + R_len(|y|): 0 if |y| ≤ maxLength − cacheLength,
 *    ((maxLength − cacheLength) − |y|) / cacheLength if |y| ≤ maxLength, else −1.
 * 2. groups whose RAW rewards are all equal are dropped (advantage 0, tokens not counted).
 * 3. A = (r̃ − groupMean) / (groupPopulationStd + eps) on kept groups.
 * 4. s = min(ρA, clip(ρ, 1 − epsLow, 1 + epsHigh)·A), ρ = exp(logProbs − oldLogProbs);
 *    loss = −(Σ over response tokens of kept groups of s) / (number of those tokens), 0 if none.
 * Returns float32 tensors: loss [], advantages [N], shapedRewards [N].
 */
export function dapoObjective(
  logProbs: tf.Tensor2D,
  oldLogProbs: tf.Tensor2D,
  responseMask: tf.Tensor2D,
  rewards: tf.Tensor1D,
  groupSize: number,
  epsLow: number,
  epsHigh: number,
  maxLength: number,
  cacheLength: number,
  eps: number,
): { loss: tf.Scalar; advantages: tf.Tensor1D; shapedRewards: tf.Tensor1D } {
  throw new Error('TODO: implement dapoObjective');
}
