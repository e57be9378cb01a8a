import * as tf from '@tensorflow/tfjs';

export function rmsNorm(x: tf.Tensor, gamma: tf.Tensor, eps: number): tf.Tensor {
  return tf.tidy(() => {
    const meanSquare = tf.mean(tf.square(x), -1, true);
    // Bug: a hard-coded 1e-6 instead of the eps argument.
    return tf.mul(tf.mul(x, tf.rsqrt(tf.add(meanSquare, 1e-6))), gamma);
  });
}
