import * as tf from '@tensorflow/tfjs';

export function layerNorm(x: tf.Tensor, gamma: tf.Tensor, beta: tf.Tensor, eps: number): tf.Tensor {
  return tf.tidy(() => {
    const mean = tf.mean(x, -1, true);
    const centered = tf.sub(x, mean);
    const variance = tf.mean(tf.square(centered), -1, true);
    // Bug: eps added to the standard deviation instead of the variance.
    return tf.add(tf.mul(tf.div(centered, tf.add(tf.sqrt(variance), eps)), gamma), beta);
  });
}
