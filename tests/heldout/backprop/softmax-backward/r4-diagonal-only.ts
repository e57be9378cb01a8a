// Held-out wrong variant: only the diagonal of the softmax Jacobian is used, dx = y·(1 − y)·dy, ignoring the cross terms −y_i·y_j.
import * as tf from '@tensorflow/tfjs';

export function softmaxBackward(y: tf.Tensor, dy: tf.Tensor): tf.Tensor {
  return tf.tidy(() => y.mul(tf.onesLike(y).sub(y)).mul(dy));
}
