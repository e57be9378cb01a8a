// Held-out wrong variant: the dot product sum(dy * y) is taken over the whole tensor instead of per row (no axis given).
import * as tf from '@tensorflow/tfjs';

export function softmaxBackward(y: tf.Tensor, dy: tf.Tensor): tf.Tensor {
  return tf.tidy(() => {
    const dot = tf.sum(tf.mul(dy, y));
    return tf.mul(y, tf.sub(dy, dot));
  });
}
