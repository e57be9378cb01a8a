// Held-out wrong variant: subtracts the row mean before normalizing, as layer norm does.
import * as tf from '@tensorflow/tfjs';

export function rmsNorm(x: tf.Tensor, gamma: tf.Tensor, eps: number): tf.Tensor {
  return tf.tidy(() => {
    const d = x.shape[x.shape.length - 1];
    const xc = tf.sub(x, tf.mean(x, -1, true));
    const meanSquare = tf.div(tf.sum(tf.mul(xc, xc), -1, true), d);
    const invRms = tf.rsqrt(tf.add(meanSquare, eps));
    return tf.mul(tf.mul(xc, invRms), gamma);
  });
}
