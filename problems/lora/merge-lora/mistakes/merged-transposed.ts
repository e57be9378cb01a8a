import * as tf from '@tensorflow/tfjs';

export function mergeLora(w: tf.Tensor2D, a: tf.Tensor2D, b: tf.Tensor2D, alpha: number): tf.Tensor2D {
  return tf.tidy(() => {
    const r = a.shape[1];
    // Bug: merges into wᵀ ([dOut, dIn], the PyTorch nn.Linear layout) and returns that.
    return w.transpose().add(tf.matMul(a, b).transpose().mul(alpha / r)) as tf.Tensor2D;
  });
}
