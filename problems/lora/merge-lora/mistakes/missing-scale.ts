import * as tf from '@tensorflow/tfjs';

export function mergeLora(w: tf.Tensor2D, a: tf.Tensor2D, b: tf.Tensor2D, alpha: number): tf.Tensor2D {
  // Bug: the adapter is added without its alpha / r scaling.
  return tf.tidy(() => w.add(tf.matMul(a, b)) as tf.Tensor2D);
}
