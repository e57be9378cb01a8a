// Held-out wrong variant: applies the keep mask but forgets to rescale the survivors by 1/(1 - p) (vanilla, non-inverted dropout at train time).
import * as tf from '@tensorflow/tfjs';

export function invertedDropout(x: tf.Tensor, u: tf.Tensor, p: number, training: boolean): tf.Tensor {
  return tf.tidy(() => {
    if (!training) return x.clone();
    const mask = tf.cast(tf.greaterEqual(u, p), 'float32');
    return tf.mul(x, mask);
  });
}
