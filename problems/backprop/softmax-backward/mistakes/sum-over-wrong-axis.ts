import * as tf from '@tensorflow/tfjs';

export function softmaxBackward(y: tf.Tensor, dy: tf.Tensor): tf.Tensor {
  // Bug: the dot product <dy, y> is taken over the batch axis (0) instead of the softmax axis.
  return tf.tidy(() => y.mul(dy.sub(dy.mul(y).sum(0, true))));
}
