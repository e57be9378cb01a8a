// Held-out wrong variant: Σ dy·y is reduced over the whole tensor (tf.sum with no axis) instead of per row over the last axis.
import * as tf from '@tensorflow/tfjs';

export function softmaxBackward(y: tf.Tensor, dy: tf.Tensor): tf.Tensor {
  return tf.tidy(() => {
    const dot = tf.sum(tf.mul(dy, y));
    return tf.mul(y, tf.sub(dy, dot));
  });
}
