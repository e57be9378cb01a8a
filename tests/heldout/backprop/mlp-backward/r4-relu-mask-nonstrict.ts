// Held-out wrong variant: the ReLU derivative mask is [z1 >= 0] instead of [z1 > 0], so gradient flows through units with pre-activation exactly 0.
import * as tf from '@tensorflow/tfjs';

export function mlpForwardBackward(
  x: tf.Tensor2D,
  y: tf.Tensor2D,
  W1: tf.Tensor2D,
  b1: tf.Tensor1D,
  W2: tf.Tensor2D,
  b2: tf.Tensor1D,
) {
  const N = x.shape[0];
  return tf.tidy(() => {
    const z1 = tf.add(tf.matMul(x, W1), b1);
    const h = tf.relu(z1);
    const out = tf.add(tf.matMul(h, W2), b2);
    const diff = tf.sub(out, y);
    const loss = tf.div(tf.sum(tf.square(diff)), 2 * N) as tf.Scalar;
    const dOut = tf.div(diff, N);
    const dW2 = tf.matMul(h, dOut, true, false);
    const db2 = tf.sum(dOut, 0);
    const dh = tf.matMul(dOut, W2, false, true);
    const mask = tf.cast(tf.greaterEqual(z1, 0), 'float32');
    const dz1 = tf.mul(dh, mask);
    const dW1 = tf.matMul(x, dz1, true, false);
    const db1 = tf.sum(dz1, 0);
    return { loss, dW1, db1, dW2, db2 };
  });
}
