// Held-out wrong variant: the keep mask uses u > p instead of u ≥ p, so an element with u exactly equal to p is dropped.
import * as tf from '@tensorflow/tfjs';

export function invertedDropout(x: tf.Tensor, u: tf.Tensor, p: number, training: boolean): tf.Tensor {
  if (!training) return x.clone();
  return tf.tidy(() => {
    const mask = tf.greater(u, p).cast('float32');
    return x.mul(mask).div(1 - p);
  });
}
