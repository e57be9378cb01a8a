// Held-out wrong variant: uses the sum of squares instead of their mean (forgets to divide by d).
import * as tf from '@tensorflow/tfjs';

export function rmsNorm(x: tf.Tensor, gamma: tf.Tensor, eps: number): tf.Tensor {
  return tf.tidy(() => {
    const d = x.shape[x.shape.length - 1];
    const meanSquare = tf.sum(tf.mul(x, x), -1, true);
    const invRms = tf.rsqrt(tf.add(meanSquare, eps));
    return tf.mul(tf.mul(x, invRms), gamma);
  });
}
