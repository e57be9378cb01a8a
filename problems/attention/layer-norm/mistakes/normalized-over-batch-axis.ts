import * as tf from '@tensorflow/tfjs';

export function layerNorm(x: tf.Tensor, gamma: tf.Tensor, beta: tf.Tensor, eps: number): tf.Tensor {
  return tf.tidy(() => {
    // Bug: statistics over the batch axis (that is batch norm), not over each row's features.
    const mean = tf.mean(x, 0, true);
    const centered = tf.sub(x, mean);
    const variance = tf.mean(tf.square(centered), 0, true);
    return tf.add(tf.mul(tf.div(centered, tf.sqrt(tf.add(variance, eps))), gamma), beta);
  });
}
