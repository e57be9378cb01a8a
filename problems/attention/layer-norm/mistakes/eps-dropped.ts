import * as tf from '@tensorflow/tfjs';

export function layerNorm(x: tf.Tensor, gamma: tf.Tensor, beta: tf.Tensor, eps: number): tf.Tensor {
  return tf.tidy(() => {
    const mean = tf.mean(x, -1, true);
    const centered = tf.sub(x, mean);
    const variance = tf.mean(tf.square(centered), -1, true);
    // Bug: eps left out, so a constant row divides 0 by 0.
    const normalized = tf.div(centered, tf.sqrt(variance));
    return tf.add(tf.mul(normalized, gamma), beta);
  });
}
