// Held-out wrong variant: divides by the variance plus eps instead of the standard deviation (forgets the square root).
import * as tf from '@tensorflow/tfjs';

export function grpoAdvantages(rewards: tf.Tensor2D, eps: number): tf.Tensor2D {
  return tf.tidy(() => {
    const mean = rewards.mean(1, true);
    const centred = rewards.sub(mean);
    const std = centred.square().mean(1, true);
    return centred.div(std.add(eps)) as tf.Tensor2D;
  });
}
