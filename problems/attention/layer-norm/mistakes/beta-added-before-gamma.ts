import * as tf from '@tensorflow/tfjs';

export function layerNorm(x: tf.Tensor, gamma: tf.Tensor, beta: tf.Tensor, eps: number): tf.Tensor {
  return tf.tidy(() => {
    const mean = tf.mean(x, -1, true);
    const centered = tf.sub(x, mean);
    const variance = tf.mean(tf.square(centered), -1, true);
    const normalized = tf.div(centered, tf.sqrt(tf.add(variance, eps)));
    // Bug: shift first, then scale: (normalized + beta) * gamma.
    return tf.mul(tf.add(normalized, beta), gamma);
  });
}
