import * as tf from '@tensorflow/tfjs';

export function rmsNorm(x: tf.Tensor, gamma: tf.Tensor, eps: number): tf.Tensor {
  return tf.tidy(() => {
    const d = x.shape[x.shape.length - 1];
    // Bug: divides the sum of squares by d - 1 (like an unbiased variance) instead of d.
    const meanSquare = tf.div(tf.sum(tf.square(x), -1, true), d - 1);
    return tf.mul(tf.div(x, tf.sqrt(tf.add(meanSquare, eps))), gamma);
  });
}
