// Held-out wrong variant: db1 is summed from dh before the ReLU mask is applied (dW1 uses the masked gradient correctly).
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
    const z1 = tf.add(tf.matMul(x, W1), b1);
    const h = tf.relu(z1);
    const yhat = tf.add(tf.matMul(h, W2), b2);
    const err = tf.sub(yhat, y);
    const loss = tf.div(tf.sum(tf.square(err)), 2 * N) as tf.Scalar;
    const dyhat = tf.div(err, N);
    const dW2 = tf.matMul(h, dyhat, true, false);
    const db2 = tf.sum(dyhat, 0);
    const dh = tf.matMul(dyhat, W2, false, true);
    const dz1 = tf.mul(dh, tf.cast(tf.greater(z1, 0), 'float32'));
    const dW1 = tf.matMul(x, dz1, true, false);
    const db1 = tf.sum(dh, 0);
    return { loss, dW1, db1, dW2, db2 };
  });
}
