// Held-out wrong variant: the scaled adapter product is subtracted (W − (α/r)·A·B, the unmerge formula) instead of added.
import * as tf from '@tensorflow/tfjs';

export function mergeLora(w: tf.Tensor2D, a: tf.Tensor2D, b: tf.Tensor2D, alpha: number): tf.Tensor2D {
  return tf.tidy(() => {
    const r = a.shape[1];
    const delta = tf.matMul(a, b).mul(alpha / r);
    return tf.sub(w, delta) as tf.Tensor2D;
  });
}
