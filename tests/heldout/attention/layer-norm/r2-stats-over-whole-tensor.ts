// Held-out wrong variant: takes the mean and variance over the whole tensor (no axis) instead of per row over the last axis.
import * as tf from '@tensorflow/tfjs';

export function layerNorm(x: tf.Tensor, gamma: tf.Tensor, beta: tf.Tensor, eps: number): tf.Tensor {
  return tf.tidy(() => {
    const mu = tf.mean(x);
    const centred = tf.sub(x, mu);
    const variance = tf.mean(tf.square(centred));
    const normed = tf.div(centred, tf.sqrt(tf.add(variance, eps)));
    return tf.add(tf.mul(normed, gamma), beta);
  });
}
