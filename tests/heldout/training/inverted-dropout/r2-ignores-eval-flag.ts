// Held-out wrong variant: ignores the training flag and applies mask-and-rescale in evaluation mode too.
import * as tf from '@tensorflow/tfjs';

export function invertedDropout(x: tf.Tensor, u: tf.Tensor, p: number, training: boolean): tf.Tensor {
  return tf.tidy(() => {
    const mask = tf.cast(tf.greaterEqual(u, p), 'float32');
    return tf.div(tf.mul(x, mask), 1 - p);
  });
}
