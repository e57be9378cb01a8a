import * as tf from '@tensorflow/tfjs';

export function softmaxBackward(y: tf.Tensor, dy: tf.Tensor): tf.Tensor {
  // Bug: keeps only the diagonal of the Jacobian, y(1 − y), as if softmax were elementwise.
  return tf.tidy(() => y.mul(tf.onesLike(y).sub(y)).mul(dy));
}
