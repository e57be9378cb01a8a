// Held-out wrong variant: the mean of the squares is taken over the whole tensor (every row together) instead of per row over the last axis.
import * as tf from '@tensorflow/tfjs';

export function rmsNorm(x: tf.Tensor, gamma: tf.Tensor, eps: number): tf.Tensor {
  return tf.tidy(() => {
    const meanSquare = tf.mean(tf.square(x));
    const rms = tf.sqrt(tf.add(meanSquare, eps));
    return tf.mul(tf.div(x, rms), gamma);
  });
}
