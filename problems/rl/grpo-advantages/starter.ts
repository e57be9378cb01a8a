import * as tf from '@tensorflow/tfjs';

/**
 * GRPO group-relative advantages.
 * rewards: [nPrompts, groupSize] float32 — row p holds the rewards of the groupSize completions
 * sampled for prompt p. eps: small constant added to the std.
 * Returns [nPrompts, groupSize]: (r − mean_p) / (std_p + eps), with the mean and the
 * population std (divide by groupSize) taken over each row.
 */
export function grpoAdvantages(rewards: tf.Tensor2D, eps: number): tf.Tensor2D {
  // TODO: per-row mean and std, normalize.
  return tf.zerosLike(rewards);
}
