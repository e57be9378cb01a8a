import * as tf from '@tensorflow/tfjs';

export function grpoAdvantages(rewards: tf.Tensor2D, eps: number): tf.Tensor2D {
  return tf.tidy(() => {
    const G = rewards.shape[1];
    const mean = rewards.mean(1, true);
    const centered = rewards.sub(mean);
    // Bug: sample std (divides by G − 1), like torch.std's default.
    const std = centered.square().sum(1, true).div(G - 1).sqrt();
    return centered.div(std.add(eps)) as tf.Tensor2D;
  });
}
