// Held-out wrong variant: computes the std as the root mean square of the raw rewards, sqrt(mean(r^2)), without subtracting the group mean first.
import * as tf from '@tensorflow/tfjs';

export function grpoAdvantages(rewards: tf.Tensor2D, eps: number): tf.Tensor2D {
  return tf.tidy(() => {
    const mean = rewards.mean(1, true);
    const centred = rewards.sub(mean);
    const std = rewards.square().mean(1, true).sqrt();
    return centred.div(std.add(eps)) as tf.Tensor2D;
  });
}
