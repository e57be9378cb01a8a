// Held-out wrong variant: eps is added after the square root, sqrt(mean(x^2)) + eps, instead of inside it.
import * as tf from '@tensorflow/tfjs';

export function rmsNorm(x: tf.Tensor, gamma: tf.Tensor, eps: number): tf.Tensor {
  return tf.tidy(() => {
    const rms = tf.sqrt(tf.mean(tf.square(x), x.rank - 1, true)).add(eps);
    return tf.mul(tf.div(x, rms), gamma);
  });
}
