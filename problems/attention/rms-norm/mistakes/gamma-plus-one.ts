import * as tf from '@tensorflow/tfjs';

export function rmsNorm(x: tf.Tensor, gamma: tf.Tensor, eps: number): tf.Tensor {
  return tf.tidy(() => {
    const meanSquare = tf.mean(tf.square(x), -1, true);
    // Bug: scales by (1 + gamma), a convention some checkpoints use, instead of gamma.
    return tf.mul(tf.mul(x, tf.rsqrt(tf.add(meanSquare, eps))), tf.add(1, gamma));
  });
}
