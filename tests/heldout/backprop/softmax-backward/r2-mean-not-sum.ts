// Held-out wrong variant: uses the row mean of dy * y instead of the row sum.
import * as tf from '@tensorflow/tfjs';

export function softmaxBackward(y: tf.Tensor, dy: tf.Tensor): tf.Tensor {
  return tf.tidy(() => {
    const dot = tf.mean(tf.mul(dy, y), -1, true);
    return tf.mul(y, tf.sub(dy, dot));
  });
}
