import * as tf from '@tensorflow/tfjs';

/**
 * KTO loss for B unpaired examples.
 * policyLogps, refLogps: [B] float32 summed log-probs of each completion under the policy / reference.
 * desirable: [B] bool (or float32 0/1), true where the completion is desirable.
 * policyKlLogps, refKlLogps: [B] float32 log-probs of mismatched completions (for the KL reference point).
 * z0 = max(0, mean(policyKlLogps − refKlLogps)), r = policyLogps − refLogps,
 * losses[i] = desirableWeight·(1 − σ(β(r − z0))) if desirable, else undesirableWeight·(1 − σ(β(z0 − r))).
 * Returns tensors: loss [] = mean of losses over all B, kl [] = z0, losses [B].
 */
export function ktoLoss(
  policyLogps: tf.Tensor1D,
  refLogps: tf.Tensor1D,
  desirable: tf.Tensor1D,
  policyKlLogps: tf.Tensor1D,
  refKlLogps: tf.Tensor1D,
  beta: number,
  desirableWeight: number,
  undesirableWeight: number,
): { loss: tf.Scalar; kl: tf.Scalar; losses: tf.Tensor1D } {
  throw new Error('TODO: implement ktoLoss');
}
