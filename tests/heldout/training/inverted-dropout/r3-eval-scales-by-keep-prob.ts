// Held-out wrong variant: in evaluation mode returns x·(1 − p) (classic non-inverted dropout's test-time scaling) instead of x unchanged.
import * as tf from '@tensorflow/tfjs';

export function invertedDropout(x: tf.Tensor, u: tf.Tensor, p: number, training: boolean): tf.Tensor {
  return tf.tidy(() => {
    if (!training) {
      return tf.mul(x, 1 - p);
    }
    const keep = tf.greaterEqual(u, tf.scalar(p));
    const scale = 1 / (1 - p);
    return tf.where(keep, tf.mul(x, scale), tf.zerosLike(x));
  });
}
