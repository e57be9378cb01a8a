import * as tf from '@tensorflow/tfjs';

/**
 * SFT cross-entropy on the response tokens of prompt + response sequences.
 * logits:        [B, T, V] float32, logits[b, t] predict tokenIds[b, t + 1]
 * tokenIds:      [B, T] int32: prompt, response, then right padding (padId only as padding)
 * promptLengths: [B] int32, the first promptLengths[b] tokens of row b are the prompt
 * padId:         the padding id
 * reduction:     'token' = mean over all scored tokens of the batch;
 *                'sequence' = mean per row, then mean over the rows with at least one scored token
 * Returns:
 *   labels [B, T] int32: tokenIds where t >= promptLengths[b] and the token is not padding, else -100 (unshifted)
 *   loss   scalar float32: next-token cross-entropy against labels[:, 1:], skipping -100 (0 if nothing is scored)
 */
export function sftResponseLoss(
  logits: tf.Tensor3D,
  tokenIds: tf.Tensor2D,
  promptLengths: tf.Tensor1D,
  padId: number,
  reduction: 'token' | 'sequence',
): { labels: tf.Tensor2D; loss: tf.Scalar } {
  throw new Error('TODO: implement sftResponseLoss');
}
