import * as tf from '@tensorflow/tfjs';

export function grpoAdvantages(rewards: tf.Tensor2D, eps: number): tf.Tensor2D {
  return tf.tidy(() => {
    // Bug: statistics over the whole batch instead of per group.
    const { mean, variance } = tf.moments(rewards);
    return rewards.sub(mean).div(tf.sqrt(variance).add(eps)) as tf.Tensor2D;
  });
}
