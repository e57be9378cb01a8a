import * as tf from '@tensorflow/tfjs';

export function mergeLora(w: tf.Tensor2D, a: tf.Tensor2D, b: tf.Tensor2D, alpha: number): tf.Tensor2D {
  return tf.tidy(() => {
    const r = a.shape[1];
    // Bug: r / alpha instead of alpha / r.
    return w.add(tf.matMul(a, b).mul(r / alpha)) as tf.Tensor2D;
  });
}
