import * as tf from '@tensorflow/tfjs';

/**
 * y = softmax(x) along the last axis, shape [..., K]; dy = dL/dy, same shape.
 * Returns dx = dL/dx, same shape. Autodiff (tf.grad, tf.grads, …) is not allowed.
 */
export function softmaxBackward(y: tf.Tensor, dy: tf.Tensor): tf.Tensor {
  // TODO: apply the softmax Jacobian diag(y) − y yᵀ to dy, row by row.
  return tf.zerosLike(dy);
}
