import * as tf from '@tensorflow/tfjs';

/**
 * Per-position KL between the policy p and the reference q, exact and estimated.
 * policyLogits, refLogits: [B, T, V] float32 raw scores; sampledTokens: [B, T] int32, x ~ p.
 * Returns five float32 tensors of shape [B, T] (no averaging, no shift):
 *   reverse  KL(p ‖ q) = Σ_v p_v (log p_v − log q_v)
 *   forward  KL(q ‖ p) = Σ_v q_v (log q_v − log p_v)
 *   k1 = −r,  k2 = r² / 2,  k3 = exp(r) − 1 − r,  with r = log q(x) − log p(x)
 * Use stable log-softmaxes: hidden cases have logits of scale ±1000.
 */
export function klEstimators(
  policyLogits: tf.Tensor3D,
  refLogits: tf.Tensor3D,
  sampledTokens: tf.Tensor2D,
): { reverse: tf.Tensor2D; forward: tf.Tensor2D; k1: tf.Tensor2D; k2: tf.Tensor2D; k3: tf.Tensor2D } {
  throw new Error('TODO: implement klEstimators');
}
