import * as tf from '@tensorflow/tfjs';

export function rmsNorm(x: tf.Tensor, gamma: tf.Tensor, eps: number): tf.Tensor {
  return tf.tidy(() => {
    const meanSquare = tf.mean(tf.square(x), -1, true);
    // Bug: multiplies by the RMS (sqrt) instead of its reciprocal (rsqrt).
    return tf.mul(tf.mul(x, tf.sqrt(tf.add(meanSquare, eps))), gamma);
  });
}
