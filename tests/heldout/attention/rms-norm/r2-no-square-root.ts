// Held-out wrong variant: divides by the mean square + eps, forgetting the square root.
import * as tf from '@tensorflow/tfjs';

export function rmsNorm(x: tf.Tensor, gamma: tf.Tensor, eps: number): tf.Tensor {
  return tf.tidy(() => {
    const ms = tf.mean(tf.square(x), -1, true);
    const rms = tf.add(ms, eps);
    return tf.mul(tf.div(x, rms), gamma);
  });
}
