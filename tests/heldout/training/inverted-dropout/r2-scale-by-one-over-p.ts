// Held-out wrong variant: rescales the kept elements by 1/p (the drop probability) instead of 1/(1 - p).
import * as tf from '@tensorflow/tfjs';

export function invertedDropout(x: tf.Tensor, u: tf.Tensor, p: number, training: boolean): tf.Tensor {
  return tf.tidy(() => {
    if (!training) return x.clone();
    if (p === 0) return x.clone();
    const mask = tf.cast(tf.greaterEqual(u, p), 'float32');
    return tf.div(tf.mul(x, mask), p);
  });
}
