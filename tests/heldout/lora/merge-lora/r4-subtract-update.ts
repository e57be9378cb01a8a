// Held-out wrong variant: the scaled adapter product is subtracted from W (W − (α/r)·AB) instead of added.
import * as tf from '@tensorflow/tfjs';

export function mergeLora(w: tf.Tensor2D, a: tf.Tensor2D, b: tf.Tensor2D, alpha: number): tf.Tensor2D {
  const r = a.shape[1];
  return tf.tidy(() => tf.sub(w, tf.mul(tf.matMul(a, b), alpha / r)) as tf.Tensor2D);
}
