import * as tf from '@tensorflow/tfjs';

export function mergeLora(w: tf.Tensor2D, a: tf.Tensor2D, b: tf.Tensor2D, alpha: number): tf.Tensor2D {
  return tf.tidy(() => {
    const r = a.shape[1];
    // Bug: returns only the low-rank update, forgetting the frozen base weight.
    return tf.matMul(a, b).mul(alpha / r) as tf.Tensor2D;
  });
}
