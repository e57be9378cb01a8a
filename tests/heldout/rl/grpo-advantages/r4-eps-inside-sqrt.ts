// Held-out wrong variant: ε is added to the variance inside the square root, (r − μ)/sqrt(σ² + ε), instead of to σ outside it.
import * as tf from '@tensorflow/tfjs';

export function grpoAdvantages(rewards: tf.Tensor2D, eps: number): tf.Tensor2D {
  return tf.tidy(() => {
    const { mean, variance } = tf.moments(rewards, 1, true);
    const centered = tf.sub(rewards, mean);
    const adv = tf.div(centered, tf.sqrt(tf.add(variance, eps)));
    const constant = tf.equal(tf.max(rewards, 1, true), tf.min(rewards, 1, true));
    return tf.where(tf.broadcastTo(constant, rewards.shape), tf.zerosLike(rewards), adv) as tf.Tensor2D;
  });
}
