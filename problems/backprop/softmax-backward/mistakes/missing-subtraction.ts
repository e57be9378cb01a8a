import * as tf from '@tensorflow/tfjs';

export function softmaxBackward(y: tf.Tensor, dy: tf.Tensor): tf.Tensor {
  // Bug: drops the −y yᵀ part of the Jacobian: dx = y ⊙ dy.
  return tf.tidy(() => y.mul(dy));
}
