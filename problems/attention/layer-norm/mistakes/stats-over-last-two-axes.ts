import * as tf from '@tensorflow/tfjs';

export function layerNorm(x: tf.Tensor, gamma: tf.Tensor, beta: tf.Tensor, eps: number): tf.Tensor {
  return tf.tidy(() => {
    // Bug: statistics over the last two axes (every token of a sequence together), not per row.
    const axes = x.rank >= 2 ? [-2, -1] : [-1];
    const mean = tf.mean(x, axes, true);
    const centered = tf.sub(x, mean);
    const variance = tf.mean(tf.square(centered), axes, true);
    const normalized = tf.div(centered, tf.sqrt(tf.add(variance, eps)));
    return tf.add(tf.mul(normalized, gamma), beta);
  });
}
