import * as tf from '@tensorflow/tfjs';

export function rmsNorm(x: tf.Tensor, gamma: tf.Tensor, eps: number): tf.Tensor {
  return tf.tidy(() => {
    // Bug: squares the row mean, (mean x)², instead of averaging the squares, mean(x²).
    const meanSquare = tf.square(tf.mean(x, -1, true));
    return tf.mul(tf.div(x, tf.sqrt(tf.add(meanSquare, eps))), gamma);
  });
}
