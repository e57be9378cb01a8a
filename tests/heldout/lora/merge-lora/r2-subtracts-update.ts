// Held-out wrong variant: subtracts the scaled update (the unmerge direction) instead of adding it: W - (alpha / r) A B.
import * as tf from '@tensorflow/tfjs';

export function mergeLora(w: tf.Tensor2D, a: tf.Tensor2D, b: tf.Tensor2D, alpha: number): tf.Tensor2D {
  return tf.tidy(() => {
    const r = a.shape[1];
    return tf.sub(w, tf.mul(tf.matMul(a, b), alpha / r)) as tf.Tensor2D;
  });
}
