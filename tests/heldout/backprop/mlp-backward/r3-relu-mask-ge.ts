// Held-out wrong variant: the ReLU backward mask uses z1 >= 0 instead of z1 > 0, so gradient flows through units whose pre-activation is exactly 0.
import * as tf from '@tensorflow/tfjs';

export function mlpForwardBackward(
  x: tf.Tensor2D,
  y: tf.Tensor2D,
  W1: tf.Tensor2D,
  b1: tf.Tensor1D,
  W2: tf.Tensor2D,
  b2: tf.Tensor1D,
) {
  return tf.tidy(() => {
    const N = x.shape[0];
    const z1 = tf.matMul(x, W1).add(b1);
    const h = tf.relu(z1);
    const out = tf.matMul(h, W2).add(b2);
    const diff = out.sub(y);
    const loss = diff.square().sum().div(2 * N) as tf.Scalar;
    const dOut = diff.div(N);
    const dW2 = tf.matMul(h, dOut, true, false);
    const db2 = dOut.sum(0);
    const dh = tf.matMul(dOut, W2, false, true);
    const dz1 = dh.mul(tf.greaterEqual(z1, 0).cast('float32'));
    const dW1 = tf.matMul(x, dz1, true, false);
    const db1 = dz1.sum(0);
    return { loss, dW1, db1, dW2, db2 };
  });
}
