import * as tf from '@tensorflow/tfjs';

export function layerNorm(x: tf.Tensor, gamma: tf.Tensor, beta: tf.Tensor, eps: number): tf.Tensor {
  return tf.tidy(() => {
    const mean = tf.mean(x, -1, true);
    const centered = tf.sub(x, mean);
    const variance = tf.mean(tf.square(centered), -1, true);
    const normalized = tf.div(centered, tf.sqrt(tf.add(variance, eps)));
    // Bug: scaled by gamma but the beta shift is never added.
    return tf.mul(normalized, gamma);
  });
}
