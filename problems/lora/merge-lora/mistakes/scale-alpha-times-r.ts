import * as tf from '@tensorflow/tfjs';

// w: [dIn, dOut], a: [dIn, r], b: [r, dOut], alpha: number. Returns w + (alpha / r) · a·b.
export function mergeLora(w: tf.Tensor2D, a: tf.Tensor2D, b: tf.Tensor2D, alpha: number): tf.Tensor2D {
  return tf.tidy(() => {
    const r = a.shape[1];
    return w.add(tf.matMul(a, b).mul(alpha * r)) as tf.Tensor2D; // Bug: alpha · r instead of alpha / r
  });
}
