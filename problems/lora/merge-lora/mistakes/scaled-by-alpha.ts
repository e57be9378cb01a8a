import * as tf from '@tensorflow/tfjs';

export function mergeLora(w: tf.Tensor2D, a: tf.Tensor2D, b: tf.Tensor2D, alpha: number): tf.Tensor2D {
  // Bug: scaled by alpha instead of alpha / r.
  return tf.tidy(() => w.add(tf.matMul(a, b).mul(alpha)) as tf.Tensor2D);
}
