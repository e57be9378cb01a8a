// Held-out wrong variant: squares the row mean instead of averaging the squares: (mean x)^2 rather than mean(x^2).
import * as tf from '@tensorflow/tfjs';

export function rmsNorm(x: tf.Tensor, gamma: tf.Tensor, eps: number): tf.Tensor {
  return tf.tidy(() => {
    const ms = tf.square(tf.mean(x, -1, true));
    const rms = tf.sqrt(tf.add(ms, eps));
    return tf.mul(tf.div(x, rms), gamma);
  });
}
