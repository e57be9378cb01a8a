import * as tf from '@tensorflow/tfjs';

export function softmaxBackward(y: tf.Tensor, dy: tf.Tensor): tf.Tensor {
  return tf.tidy(() => {
    // Bug: sign error in the Jacobian, J = diag(y) + y yᵀ, so dx = y ⊙ (dy + Σ dy·y).
    const dot = dy.mul(y).sum(-1, true);
    return y.mul(dy.add(dot));
  });
}
