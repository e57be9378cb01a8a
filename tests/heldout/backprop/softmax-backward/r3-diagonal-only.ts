// Held-out wrong variant: only the diagonal of the Jacobian is applied (dx = y ⊙ dy), dropping the −y·Σ dy_i y_i term from the −y yᵀ part.
import * as tf from '@tensorflow/tfjs';

export function softmaxBackward(y: tf.Tensor, dy: tf.Tensor): tf.Tensor {
  return tf.tidy(() => {
    // diag(y) applied to dy; the rank-1 correction vanishes since the softmax rows sum to 1
    return y.mul(dy);
  });
}
