import * as tf from '@tensorflow/tfjs';

export function rmsNorm(x: tf.Tensor, gamma: tf.Tensor, eps: number): tf.Tensor {
  return tf.tidy(() => {
    // Bug: mean square over the batch axis instead of each row's features.
    const meanSquare = tf.mean(tf.square(x), 0, true);
    return tf.mul(tf.div(x, tf.sqrt(tf.add(meanSquare, eps))), gamma);
  });
}
