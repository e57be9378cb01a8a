import * as tf from '@tensorflow/tfjs';

export function grpoAdvantages(rewards: tf.Tensor2D, eps: number): tf.Tensor2D {
  return tf.tidy(() => {
    const { variance } = tf.moments(rewards, 1, true);
    // Bug: divided by the std but the group mean is never subtracted.
    return rewards.div(tf.sqrt(variance).add(eps)) as tf.Tensor2D;
  });
}
