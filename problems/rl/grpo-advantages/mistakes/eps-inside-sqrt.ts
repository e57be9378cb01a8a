import * as tf from '@tensorflow/tfjs';

export function grpoAdvantages(rewards: tf.Tensor2D, eps: number): tf.Tensor2D {
  return tf.tidy(() => {
    const { mean, variance } = tf.moments(rewards, 1, true);
    // Bug: eps added to the variance under the square root, not to the std.
    return rewards.sub(mean).div(tf.sqrt(variance.add(eps))) as tf.Tensor2D;
  });
}
