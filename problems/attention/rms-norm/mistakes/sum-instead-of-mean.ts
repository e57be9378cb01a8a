import * as tf from '@tensorflow/tfjs';

export function rmsNorm(x: tf.Tensor, gamma: tf.Tensor, eps: number): tf.Tensor {
  return tf.tidy(() => {
    // Bug: sum of squares (the L2 norm) instead of the mean square (the RMS).
    const sumSquare = tf.sum(tf.square(x), -1, true);
    return tf.mul(tf.div(x, tf.sqrt(tf.add(sumSquare, eps))), gamma);
  });
}
