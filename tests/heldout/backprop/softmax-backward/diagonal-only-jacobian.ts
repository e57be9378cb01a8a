// Held-out wrong variant: keeps only the diagonal of the Jacobian (J = diag(y)), i.e. dx = y * dy, dropping the - y yᵀ term.
import * as tf from '@tensorflow/tfjs';

export function softmaxBackward(y: tf.Tensor, dy: tf.Tensor): tf.Tensor {
  return tf.tidy(() => {
    const K = y.shape[y.shape.length - 1];
    const y2 = y.reshape([-1, K]);
    const dy2 = dy.reshape([-1, K]);
    const col = y2.expandDims(2); // [R, K, 1]
    const row = y2.expandDims(1); // [R, 1, K]
    const diag = col.mul(tf.eye(K).expandDims(0)); // diag(y) per row
    const jac = diag; // [R, K, K]
    const dx = tf.matMul(jac, dy2.expandDims(2)); // [R, K, 1]
    return dx.reshape(y.shape);
  });
}
