// Held-out wrong variant: drops eps and divides by the bare std, only guarding std = 0 groups with a where, so results differ when eps is not negligible.
import * as tf from '@tensorflow/tfjs';

export function grpoAdvantages(rewards: tf.Tensor2D, eps: number): tf.Tensor2D {
  return tf.tidy(() => {
    const mean = rewards.mean(1, true);
    const centred = rewards.sub(mean);
    const std = centred.square().mean(1, true).sqrt();
    const safe = tf.where(std.greater(0), std, tf.onesLike(std));
    return tf.where(std.greater(0).tile([1, rewards.shape[1]]), centred.div(safe), tf.zerosLike(centred)) as tf.Tensor2D;
  });
}
