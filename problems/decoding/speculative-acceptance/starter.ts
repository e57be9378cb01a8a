import * as tf from '@tensorflow/tfjs';

/**
 * One speculative-decoding verification step, for each row of a batch.
 * draftProbs q: [batch, k, vocab] — the draft model's distribution at each drafted position.
 * targetProbs p: [batch, k + 1, vocab] — the target model's distributions (one extra position).
 * draftTokens: int32 [batch, k] — the drafted tokens x_0 … x_{k−1}.
 * acceptU: [batch, k] and residualU: [batch] — uniforms in [0, 1).
 * Accept x_i while acceptU < p_i(x_i) / q_i(x_i); at the first rejection i sample the final token from
 * norm(max(0, p_i − q_i)) with residualU (inverse CDF: first id with cumsum > u); if all k are accepted,
 * sample it from p_k (the last id with positive probability if rounding leaves every cumsum ≤ u).
 * Returns int32 [batch] tensors { accepted (0 … k), token }.
 */
export function speculativeAccept(
  draftProbs: tf.Tensor3D,
  targetProbs: tf.Tensor3D,
  draftTokens: tf.Tensor2D,
  acceptU: tf.Tensor2D,
  residualU: tf.Tensor1D,
): { accepted: tf.Tensor1D; token: tf.Tensor1D } {
  // TODO: acceptance test per drafted token, prefix length, residual distribution, inverse CDF
  const batch = draftProbs.shape[0];
  return { accepted: tf.zeros([batch], 'int32'), token: tf.zeros([batch], 'int32') };
}
