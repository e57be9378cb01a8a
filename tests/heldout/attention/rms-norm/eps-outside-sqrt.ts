// Held-out wrong variant: adds eps to the RMS after the square root instead of inside it.
import * as tf from '@tensorflow/tfjs';

export function rmsNorm(x: tf.Tensor, gamma: tf.Tensor, eps: number): tf.Tensor {
  return tf.tidy(() => {
    const d = x.shape[x.shape.length - 1];
    const meanSquare = tf.div(tf.sum(tf.mul(x, x), -1, true), d);
    const invRms = tf.div(1, tf.add(tf.sqrt(meanSquare), eps));
    return tf.mul(tf.mul(x, invRms), gamma);
  });
}
