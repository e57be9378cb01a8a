import * as tf from '@tensorflow/tfjs';

// rewards: [nPrompts, groupSize] float32, one row per prompt (its group of sampled completions).
export function grpoAdvantages(rewards: tf.Tensor2D, eps: number): tf.Tensor2D {
  return tf.tidy(() => {
    // Statistics per group (row), kept as [nPrompts, 1] so they broadcast over the group.
    const { mean, variance } = tf.moments(rewards, 1, true); // population variance (divides by G)
    // Bug: no division by the std
    return rewards.sub(mean) as tf.Tensor2D;
  });
}
