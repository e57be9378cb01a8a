import * as tf from '@tensorflow/tfjs';

export function layerNorm(x: tf.Tensor, gamma: tf.Tensor, beta: tf.Tensor, eps: number): tf.Tensor {
  return tf.tidy(() => {
    // Bug: RMS norm — no mean subtracted, divides x by the root mean square.
    const meanSquare = tf.mean(tf.square(x), -1, true);
    const normalized = tf.div(x, tf.sqrt(tf.add(meanSquare, eps)));
    return tf.add(tf.mul(normalized, gamma), beta);
  });
}
