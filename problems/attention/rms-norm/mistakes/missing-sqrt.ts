import * as tf from '@tensorflow/tfjs';

export function rmsNorm(x: tf.Tensor, gamma: tf.Tensor, eps: number): tf.Tensor {
  return tf.tidy(() => {
    // Bug: divides by the mean square itself, not its square root.
    const meanSquare = tf.mean(tf.square(x), -1, true);
    return tf.mul(tf.div(x, tf.add(meanSquare, eps)), gamma);
  });
}
