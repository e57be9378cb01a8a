import * as tf from '@tensorflow/tfjs';

// y = softmax(x, -1): [..., K]; dy = dL/dy: [..., K]. Returns dx = dL/dx: [..., K].
export function softmaxBackward(y: tf.Tensor, dy: tf.Tensor): tf.Tensor {
  return tf.tidy(() => {
    // J = diag(y) − y yᵀ, so dx = y ⊙ (dy − <dy, y>) with the dot product over the softmax axis.
    const dot = dy.mul(y).mean(-1, true); // Bug: the row mean instead of the row sum
    return y.mul(dy.sub(dot));
  });
}
