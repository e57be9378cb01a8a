import * as tf from '@tensorflow/tfjs';

/**
 * DPO loss from summed log-probs of the chosen and rejected responses.
 * policyChosenLogps, policyRejectedLogps, refChosenLogps, refRejectedLogps: [B] float32.
 * beta: the DPO temperature β > 0.
 * ties (optional): [B] bool or float32 0/1, true/1 where the pair is a tie (no preference).
 * Returns, as tensors:
 *   loss            scalar: mean over all B pairs of −log σ(z), or −½(log σ(z) + log σ(−z)) for ties,
 *                   where z = rewardsChosen − rewardsRejected
 *   rewardsChosen   [B]: β · (policyChosenLogps − refChosenLogps)
 *   rewardsRejected [B]: β · (policyRejectedLogps − refRejectedLogps)
 *   accuracy        scalar: fraction of non-tie pairs with z > 0 (0 if every pair is a tie)
 */
export function dpoLoss(
  policyChosenLogps: tf.Tensor1D,
  policyRejectedLogps: tf.Tensor1D,
  refChosenLogps: tf.Tensor1D,
  refRejectedLogps: tf.Tensor1D,
  beta: number,
  ties?: tf.Tensor1D,
): { loss: tf.Scalar; rewardsChosen: tf.Tensor1D; rewardsRejected: tf.Tensor1D; accuracy: tf.Scalar } {
  // TODO: implicit rewards, margin z, stable −log σ(z) (tie variant where ties[i]), mean.
  return {
    loss: tf.scalar(0),
    rewardsChosen: tf.zerosLike(policyChosenLogps),
    rewardsRejected: tf.zerosLike(policyRejectedLogps),
    accuracy: tf.scalar(0),
  };
}
