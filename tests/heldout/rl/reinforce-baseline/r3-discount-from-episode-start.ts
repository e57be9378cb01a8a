// Held-out wrong variant: The reward-to-go is a reverse cumsum of gamma^k * r_k, i.e. discounted from the start of the episode (gamma^k) instead of from step t (gamma^(k-t)).
import * as tf from '@tensorflow/tfjs';

export function reinforceLoss(logProbs: tf.Tensor2D, rewards: tf.Tensor2D, baselines: tf.Tensor2D, gamma: number): tf.Scalar {
  return tf.tidy(() => {
    const [N, T] = rewards.shape;
    const discounts = tf.tensor1d(Array.from({ length: T }, (_, k) => Math.pow(gamma, k))).expandDims(0);
    const rewardToGo = tf.cumsum(rewards.mul(discounts), 1, false, true);
    const perEpisode = logProbs.mul(rewardToGo.sub(baselines)).sum(1);
    return perEpisode.sum().div(N).neg() as tf.Scalar;
  });
}
