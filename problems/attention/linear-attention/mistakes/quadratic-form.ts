import * as tf from '@tensorflow/tfjs';

/**
 * Causal linear attention with φ(x) = elu(x) + 1, in prefix-sum form:
 * out_t = φ(q_t) S_t / (φ(q_t) · z_t + eps), S_t = Σ_{s≤t} φ(k_s)ᵀ v_s, z_t = Σ_{s≤t} φ(k_s).
 * q, k: [B, T, Dk], v: [B, T, Dv] → [B, T, Dv].
 */
export function causalLinearAttention(q: tf.Tensor3D, k: tf.Tensor3D, v: tf.Tensor3D, eps: number): tf.Tensor3D {
  return tf.tidy(() => {
    const phi = (x: tf.Tensor) => tf.elu(x).add(1);
    const T = q.shape[1];
    // Bug (memory): the quadratic form builds the full [B, T, T] weight matrix.
    const scores = tf.matMul(phi(q), phi(k), false, true); // [B, T, T]
    const causal = tf.linalg.bandPart(tf.ones([T, T]), -1, 0);
    const weights = scores.mul(causal);
    return tf.matMul(weights, v).div(weights.sum(-1, true).add(eps)) as tf.Tensor3D;
  });
}
