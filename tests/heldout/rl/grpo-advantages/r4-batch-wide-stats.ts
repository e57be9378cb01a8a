// Held-out wrong variant: the mean and standard deviation are taken over the whole batch instead of per prompt (per row).
import * as tf from '@tensorflow/tfjs';

export function grpoAdvantages(rewards: tf.Tensor2D, eps: number): tf.Tensor2D {
  return tf.tidy(() => {
    const { mean, variance } = tf.moments(rewards);
    const sigma = tf.sqrt(variance);
    const centered = tf.sub(rewards, mean);
    const isConstant = tf.equal(tf.max(rewards), tf.min(rewards));
    const adv = tf.div(centered, tf.add(sigma, eps));
    return tf.where(isConstant, tf.zerosLike(rewards), adv) as tf.Tensor2D;
  });
}
