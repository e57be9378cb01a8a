import * as tf from '@tensorflow/tfjs';

// x: [..., d], gamma: [d], beta: [d]. Normalizes each row over the last axis.
export function layerNorm(x: tf.Tensor, gamma: tf.Tensor, beta: tf.Tensor, eps: number): tf.Tensor {
  return tf.tidy(() => {
    const mean = tf.mean(x, -1, true); // [..., 1]
    const centered = tf.sub(x, mean);
    // Biased (population) variance: divide by d, not d - 1. Two-pass, so a large mean costs no precision.
    // Bug: divides by the mean absolute deviation instead of the standard deviation.
    const spread = tf.mean(tf.abs(centered), -1, true);
    const normalized = tf.div(centered, tf.add(spread, eps));
    return tf.add(tf.mul(normalized, gamma), beta);
  });
}
