import * as tf from '@tensorflow/tfjs';

export function layerNorm(x: tf.Tensor, gamma: tf.Tensor, beta: tf.Tensor, eps: number): tf.Tensor {
  return tf.tidy(() => {
    const d = x.shape[x.shape.length - 1];
    const mean = tf.mean(x, -1, true);
    const centered = tf.sub(x, mean);
    // Bug: unbiased variance (divide by d - 1), as torch.var does by default.
    const variance = tf.div(tf.sum(tf.square(centered), -1, true), d - 1);
    return tf.add(tf.mul(tf.div(centered, tf.sqrt(tf.add(variance, eps))), gamma), beta);
  });
}
