// Held-out wrong variant: The mean and std are taken over axis 0 (across prompts, per completion index) instead of over each prompt's group (axis 1).
import * as tf from '@tensorflow/tfjs';

export function grpoAdvantages(rewards: tf.Tensor2D, eps: number): tf.Tensor2D {
  return tf.tidy(() => {
    const { mean, variance } = tf.moments(rewards, 0, true);
    const std = tf.sqrt(variance);
    const centered = rewards.sub(mean);
    const flat = rewards.max(0, true).equal(rewards.min(0, true));
    return tf.where(flat.tile([rewards.shape[0], 1]), tf.zerosLike(rewards), centered.div(std.add(eps))) as tf.Tensor2D;
  });
}
