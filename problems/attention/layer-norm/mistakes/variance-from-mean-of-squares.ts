import * as tf from '@tensorflow/tfjs';

export function layerNorm(x: tf.Tensor, gamma: tf.Tensor, beta: tf.Tensor, eps: number): tf.Tensor {
  return tf.tidy(() => {
    const mean = tf.mean(x, -1, true);
    // Bug: one-pass variance E[x²] − E[x]², which cancels catastrophically in float32 when |mean| ≫ std.
    const variance = tf.sub(tf.mean(tf.square(x), -1, true), tf.square(mean));
    return tf.add(tf.mul(tf.div(tf.sub(x, mean), tf.sqrt(tf.add(variance, eps))), gamma), beta);
  });
}
