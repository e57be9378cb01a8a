// Held-out wrong variant: the training flag is ignored, so dropout masking and 1/(1 − p) scaling are also applied in evaluation mode.
import * as tf from '@tensorflow/tfjs';

export function invertedDropout(x: tf.Tensor, u: tf.Tensor, p: number, training: boolean): tf.Tensor {
  return tf.tidy(() => {
    const keep = tf.greaterEqual(u, tf.scalar(p));
    const scaled = tf.mul(x, 1 / (1 - p));
    return tf.where(keep, scaled, tf.zerosLike(x));
  });
}
