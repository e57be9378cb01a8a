// Held-out wrong variant: keeps an element only when u > p (strict), so elements with u exactly equal to p are dropped instead of kept.
import * as tf from '@tensorflow/tfjs';

export function invertedDropout(x: tf.Tensor, u: tf.Tensor, p: number, training: boolean): tf.Tensor {
  if (!training || p === 0) return x.clone();
  return tf.tidy(() => {
    const mask = tf.greater(u, p).cast('float32');
    return tf.mul(x, mask).div(1 - p);
  });
}
