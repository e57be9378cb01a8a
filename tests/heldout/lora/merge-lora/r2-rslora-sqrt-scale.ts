// Held-out wrong variant: scales the merged update by alpha / sqrt(r) (rsLoRA) instead of alpha / r.
import * as tf from '@tensorflow/tfjs';

export function mergeLora(w: tf.Tensor2D, a: tf.Tensor2D, b: tf.Tensor2D, alpha: number): tf.Tensor2D {
  return tf.tidy(() => {
    const r = a.shape[1];
    return tf.add(w, tf.mul(tf.matMul(a, b), alpha / Math.sqrt(r))) as tf.Tensor2D;
  });
}
