import * as tf from '@tensorflow/tfjs';

/**
 * logits: [batch, vocab] float32. k: how many tokens to keep per row (1 ≤ k ≤ vocab).
 * u: [batch] float32 uniforms in [0, 1).
 * Keep the k largest logits of each row (ties → lower id), renormalize with a softmax over them,
 * and return int32 [batch]: the first id i (in vocabulary order) whose cumulative probability > u
 * (the last kept id if rounding leaves every cumulative value ≤ u). vocab can be 50,257.
 */
export function topKSample(logits: tf.Tensor2D, k: number, u: tf.Tensor1D): tf.Tensor1D {
  // TODO: mask all but the top k, softmax, inverse CDF with u
  return tf.zeros([logits.shape[0]], 'int32');
}
