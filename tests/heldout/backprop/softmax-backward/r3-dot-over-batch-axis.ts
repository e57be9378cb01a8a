// Held-out wrong variant: the inner product Σ dy_i y_i is reduced over axis 0 (the batch axis) instead of the last (class) axis.
import * as tf from '@tensorflow/tfjs';

export function softmaxBackward(y: tf.Tensor, dy: tf.Tensor): tf.Tensor {
  return tf.tidy(() => {
    const dot = tf.sum(tf.mul(dy, y), 0, true);
    return tf.mul(y, tf.sub(dy, dot));
  });
}
