import * as tf from '@tensorflow/tfjs';

export function grpoAdvantages(rewards: tf.Tensor2D, eps: number): tf.Tensor2D {
  return tf.tidy(() => {
    // Bug: statistics over axis 0 (across prompts) instead of across each prompt's group.
    const { mean, variance } = tf.moments(rewards, 0, true);
    return rewards.sub(mean).div(tf.sqrt(variance).add(eps)) as tf.Tensor2D;
  });
}
