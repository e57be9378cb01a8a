import * as tf from '@tensorflow/tfjs';

export function rmsNorm(x: tf.Tensor, gamma: tf.Tensor, eps: number): tf.Tensor {
  return tf.tidy(() => {
    // Bug: reduces over axis 1, which is the feature axis only for 2-D input; use axis -1.
    const meanSquare = tf.mean(tf.square(x), 1, true);
    return tf.mul(tf.div(x, tf.sqrt(tf.add(meanSquare, eps))), gamma);
  });
}
