// Style: vectorised but via sum-of-squares / d and tf.rsqrt (multiply by the inverse RMS),
// everything inside tf.tidy.
import * as tf from '@tensorflow/tfjs';

export function rmsNorm(x: tf.Tensor, gamma: tf.Tensor, eps: number): tf.Tensor {
  return tf.tidy(() => {
    const d = x.shape[x.shape.length - 1];
    const meanSquare = tf.div(tf.sum(tf.mul(x, x), -1, true), d);
    const invRms = tf.rsqrt(tf.add(meanSquare, eps));
    return tf.mul(tf.mul(x, invRms), gamma);
  });
}
