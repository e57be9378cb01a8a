import * as tf from '@tensorflow/tfjs';

export function rmsNorm(x: tf.Tensor, gamma: tf.Tensor, eps: number): tf.Tensor {
  return tf.tidy(() => {
    const rms = tf.sqrt(tf.mean(tf.square(x), -1, true));
    // Bug: eps added to the RMS instead of the mean square.
    return tf.mul(tf.div(x, tf.add(rms, eps)), gamma);
  });
}
