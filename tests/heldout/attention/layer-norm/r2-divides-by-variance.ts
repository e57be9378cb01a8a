// Held-out wrong variant: divides by variance + eps, forgetting the square root (variance instead of standard deviation).
import * as tf from '@tensorflow/tfjs';

export function layerNorm(x: tf.Tensor, gamma: tf.Tensor, beta: tf.Tensor, eps: number): tf.Tensor {
  return tf.tidy(() => {
    const mu = tf.mean(x, -1, true);
    const centred = tf.sub(x, mu);
    const variance = tf.mean(tf.square(centred), -1, true);
    const normed = tf.div(centred, tf.add(variance, eps));
    return tf.add(tf.mul(normed, gamma), beta);
  });
}
