import * as tf from '@tensorflow/tfjs';

/**
 * Per-token log-probs of the realised response tokens, and their sum and mean per sequence.
 * logits:       [B, T, V] float32, logits[b, t] predict tokenIds[b, t + 1]
 * tokenIds:     [B, T] int32, prompt + response + padding (ids in [0, V))
 * responseMask: [B, T] float32 0/1, 1 where tokenIds[b, t] is a response token
 * Returns float32 tensors:
 *   tokenLogprobs [B, T-1]: log softmax(logits[b, t])[tokenIds[b, t+1]] where responseMask[b, t+1] = 1, else exactly 0
 *   sumLogprob    [B]: sum over t of tokenLogprobs
 *   meanLogprob   [B]: sumLogprob / (number of response tokens at positions 1..T-1), 0 when there are none
 */
export function responseLogprobs(
  logits: tf.Tensor3D,
  tokenIds: tf.Tensor2D,
  responseMask: tf.Tensor2D,
): { tokenLogprobs: tf.Tensor2D; sumLogprob: tf.Tensor1D; meanLogprob: tf.Tensor1D } {
  throw new Error('TODO: implement responseLogprobs');
}
