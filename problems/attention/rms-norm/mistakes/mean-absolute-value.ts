import * as tf from '@tensorflow/tfjs';

export function rmsNorm(x: tf.Tensor, gamma: tf.Tensor, eps: number): tf.Tensor {
  return tf.tidy(() => {
    // Bug: uses the mean absolute value (squared) instead of the mean of the squares.
    const meanAbs = tf.mean(tf.abs(x), -1, true);
    return tf.mul(tf.div(x, tf.sqrt(tf.add(tf.square(meanAbs), eps))), gamma);
  });
}
