import * as tf from '@tensorflow/tfjs';

/**
 * Causal linear attention with the feature map φ(x) = elu(x) + 1 (no 1/√d scaling).
 *
 * q, k: [B, T, Dk], v: [B, T, Dv], eps ≥ 0.
 *   S_t = Σ_{s≤t} φ(k_s)ᵀ v_s   ([Dk, Dv])      z_t = Σ_{s≤t} φ(k_s)   ([Dk])
 *   out_t = φ(q_t) S_t / (φ(q_t) · z_t + eps)
 * Returns [B, T, Dv]. Memory rule: no op may produce more than B·T·Dk·Dv elements
 * (so no [T, T] matrix when T > Dk·Dv).
 */
export function causalLinearAttention(q: tf.Tensor3D, k: tf.Tensor3D, v: tf.Tensor3D, eps: number): tf.Tensor3D {
  // TODO: feature map, running sums over time, normalise
  throw new Error('TODO');
}
