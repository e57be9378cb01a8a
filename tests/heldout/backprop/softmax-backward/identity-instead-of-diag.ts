// Held-out wrong variant: misreads y_i(δ_ij − y_j) as δ_ij − y_i y_j, building J = I − y yᵀ.
import * as tf from '@tensorflow/tfjs';

export function softmaxBackward(y: tf.Tensor, dy: tf.Tensor): tf.Tensor {
  return tf.tidy(() => {
    const K = y.shape[y.shape.length - 1];
    const y2 = y.reshape([-1, K]);
    const dy2 = dy.reshape([-1, K]);
    const col = y2.expandDims(2); // [R, K, 1]
    const row = y2.expandDims(1); // [R, 1, K]
    const diag = tf.eye(K).expandDims(0); // identity
    const jac = diag.sub(col.mul(row)); // [R, K, K]
    const dx = tf.matMul(jac, dy2.expandDims(2)); // [R, K, 1]
    return dx.reshape(y.shape);
  });
}
