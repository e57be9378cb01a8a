import * as tf from '@tensorflow/tfjs';

/**
 * Per-token RLHF rewards, GAE advantages and returns for right-padded responses.
 * logProbs, refLogProbs, values: [B, T] float32; scores: [B]; responseMask: [B, T] 0/1, a prefix of
 * L_b ≥ 1 ones then zeros.
 * rewards[b, t]  = −beta·(logProbs − refLogProbs) for t < L_b, plus scores[b] at t = L_b − 1; 0 on padding.
 * GAE backwards over t < L_b: delta = r_t + gamma·V_{t+1} − V_t with V_{t+1} := 0 at t = L_b − 1,
 *   A_t = delta_t + gamma·lam·A_{t+1};  returns = A + V (un-whitened A); both 0 on padding.
 * whiten: advantages → (A − mean) / sqrt(popVar + 1e-8) over all real tokens of the batch, 0 on padding.
 * Returns float32 tensors, each [B, T].
 */
export function ppoRewardShaping(
  logProbs: tf.Tensor2D,
  refLogProbs: tf.Tensor2D,
  scores: tf.Tensor1D,
  values: tf.Tensor2D,
  responseMask: tf.Tensor2D,
  beta: number,
  gamma: number,
  lam: number,
  whiten: boolean,
): { rewards: tf.Tensor2D; advantages: tf.Tensor2D; returns: tf.Tensor2D } {
  throw new Error('TODO: implement ppoRewardShaping');
}
