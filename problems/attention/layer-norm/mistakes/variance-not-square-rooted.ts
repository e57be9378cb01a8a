import * as tf from '@tensorflow/tfjs';

export function layerNorm(x: tf.Tensor, gamma: tf.Tensor, beta: tf.Tensor, eps: number): tf.Tensor {
  return tf.tidy(() => {
    const mean = tf.mean(x, -1, true);
    const centered = tf.sub(x, mean);
    const variance = tf.mean(tf.square(centered), -1, true);
    // Bug: divides by var + eps instead of sqrt(var + eps).
    const normalized = tf.div(centered, tf.add(variance, eps));
    return tf.add(tf.mul(normalized, gamma), beta);
  });
}
