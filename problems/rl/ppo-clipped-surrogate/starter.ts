import * as tf from '@tensorflow/tfjs';

/**
 * PPO clipped surrogate loss with a KL penalty to a reference policy.
 * logProbsNew, logProbsOld, advantages, refLogProbs: same shape (e.g. [B, T]), float32 —
 * per-token log-probs under the current, the behaviour (old) and the reference policy.
 * clipEps: ε of the clip range [1 − ε, 1 + ε]; klCoef: β of the KL penalty.
 * Returns scalar tensors (means over every element):
 *   loss         = −mean(min(r·A, clip(r, 1−ε, 1+ε)·A)) + β·approxKl,  r = exp(new − old)
 *   clipFraction = fraction of elements with |r − 1| > ε
 *   approxKl     = mean of exp(ref − new) − (ref − new) − 1   (k3 estimator of KL(π_new ‖ π_ref))
 */
export function ppoLoss(
  logProbsNew: tf.Tensor,
  logProbsOld: tf.Tensor,
  advantages: tf.Tensor,
  refLogProbs: tf.Tensor,
  clipEps: number,
  klCoef: number,
): { loss: tf.Scalar; clipFraction: tf.Scalar; approxKl: tf.Scalar } {
  // TODO: ratio, clipped surrogate, k3 KL, combine.
  return { loss: tf.scalar(0), clipFraction: tf.scalar(0), approxKl: tf.scalar(0) };
}
