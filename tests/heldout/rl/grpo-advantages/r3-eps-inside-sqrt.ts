// Held-out wrong variant: eps is added to the variance inside the square root, sqrt(var + eps), instead of to the standard deviation.
import * as tf from '@tensorflow/tfjs';

export function grpoAdvantages(rewards: tf.Tensor2D, eps: number): tf.Tensor2D {
  return tf.tidy(() => {
    const mean = rewards.mean(1, true);
    const dev = rewards.sub(mean);
    const std = dev.square().mean(1, true).add(eps).sqrt();
    const varying = rewards.max(1, true).notEqual(rewards.min(1, true)).toFloat();
    return dev.div(std).mul(varying) as tf.Tensor2D;
  });
}
