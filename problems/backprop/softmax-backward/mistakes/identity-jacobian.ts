import * as tf from '@tensorflow/tfjs';

export function softmaxBackward(y: tf.Tensor, dy: tf.Tensor): tf.Tensor {
  return tf.tidy(() => {
    // Bug: reads the Jacobian as J = I − y yᵀ (identity instead of diag(y)), so dx = dy − y·Σ(dy·y).
    const dot = dy.mul(y).sum(-1, true);
    return dy.sub(y.mul(dot));
  });
}
