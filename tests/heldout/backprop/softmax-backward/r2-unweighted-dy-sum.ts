// Held-out wrong variant: subtracts the plain row sum of dy instead of the y-weighted sum of dy * y.
import * as tf from '@tensorflow/tfjs';

export function softmaxBackward(y: tf.Tensor, dy: tf.Tensor): tf.Tensor {
  return tf.tidy(() => {
    const dot = tf.sum(dy, -1, true);
    return tf.mul(y, tf.sub(dy, dot));
  });
}
