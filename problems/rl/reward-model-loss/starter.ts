import * as tf from '@tensorflow/tfjs';

/**
 * Bradley–Terry reward-model loss for B preference pairs.
 * chosenRewards, rejectedRewards: [B] float32, the reward model's scalar score of each response.
 * margin (optional): [B] float32, how much pair i's chosen reward should beat the rejected one by
 *                    (absent means 0 for every pair).
 * Returns, as scalar tensors (shape []):
 *   loss      mean over the B pairs of −log σ(chosen − rejected − margin), computed stably
 *   accuracy  fraction of pairs with chosen > rejected (strictly; the margin plays no part)
 */
export function rewardModelLoss(
  chosenRewards: tf.Tensor1D,
  rejectedRewards: tf.Tensor1D,
  margin?: tf.Tensor1D,
): { loss: tf.Scalar; accuracy: tf.Scalar } {
  throw new Error('TODO: implement rewardModelLoss');
}
