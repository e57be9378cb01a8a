import * as tf from '@tensorflow/tfjs';

/**
 * GRPO loss for N = nGroups · groupSize responses (group g = rows g·G … g·G + G − 1).
 * logProbs, oldLogProbs, refLogProbs: [N, T] float32 per-token log-probs (current, rollout, reference).
 * rewards: [N] float32.  responseMask: [N, T] float32 0/1, every row has at least one 1.
 * advantages A_i = (r_i − mean_g) / (populationStd_g + eps).
 * per token: ratio = exp(logProbs − oldLogProbs), s = min(ratio·A, clip(ratio, 1 − clipEps, 1 + clipEps)·A),
 *            k3 = exp(d) − d − 1 with d = refLogProbs − logProbs, o = s − beta·k3.
 * loss: −mean over rows of (masked mean of o within the row)   when normalization = 'sequence'
 *       −(masked sum of o) / (number of response tokens)       when normalization = 'token'
 * clipFraction: fraction of response tokens with (ratio > 1 + clipEps and A > 0) or (ratio < 1 − clipEps and A < 0).
 * Returns float32 tensors: loss [], clipFraction [], advantages [N].
 */
export function grpoLoss(
  logProbs: tf.Tensor2D,
  oldLogProbs: tf.Tensor2D,
  refLogProbs: tf.Tensor2D,
  rewards: tf.Tensor1D,
  responseMask: tf.Tensor2D,
  groupSize: number,
  clipEps: number,
  beta: number,
  eps: number,
  normalization: 'sequence' | 'token',
): { loss: tf.Scalar; clipFraction: tf.Scalar; advantages: tf.Tensor1D } {
  throw new Error('TODO: implement grpoLoss');
}
