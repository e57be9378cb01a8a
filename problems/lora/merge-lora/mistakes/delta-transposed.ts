import * as tf from '@tensorflow/tfjs';

export function mergeLora(w: tf.Tensor2D, a: tf.Tensor2D, b: tf.Tensor2D, alpha: number): tf.Tensor2D {
  return tf.tidy(() => {
    const r = a.shape[1];
    // Bug: PyTorch habit (delta = B·A for a weight stored [out, in]): computes bᵀ·aᵀ = (a·b)ᵀ and
    // adds it to w as if w were stored transposed. Only runs when dIn = dOut, and is wrong there.
    const delta = tf.matMul(b, a, true, true);
    return w.add(delta.mul(alpha / r)) as tf.Tensor2D;
  });
}
