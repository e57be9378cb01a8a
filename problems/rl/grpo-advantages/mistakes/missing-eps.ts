import * as tf from '@tensorflow/tfjs';

export function grpoAdvantages(rewards: tf.Tensor2D, eps: number): tf.Tensor2D {
  return tf.tidy(() => {
    const { mean, variance } = tf.moments(rewards, 1, true);
    // Bug: no eps — a group whose rewards are all equal gives 0 / 0 = NaN.
    return rewards.sub(mean).div(tf.sqrt(variance)) as tf.Tensor2D;
  });
}
