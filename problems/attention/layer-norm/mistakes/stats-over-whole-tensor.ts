import * as tf from '@tensorflow/tfjs';

export function layerNorm(x: tf.Tensor, gamma: tf.Tensor, beta: tf.Tensor, eps: number): tf.Tensor {
  return tf.tidy(() => {
    // Bug: no axis given, so one mean and one variance for the whole tensor.
    const mean = tf.mean(x);
    const centered = tf.sub(x, mean);
    const variance = tf.mean(tf.square(centered));
    const normalized = tf.div(centered, tf.sqrt(tf.add(variance, eps)));
    return tf.add(tf.mul(normalized, gamma), beta);
  });
}
