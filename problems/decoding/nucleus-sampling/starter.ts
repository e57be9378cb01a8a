import * as tf from '@tensorflow/tfjs';

/**
 * logits: [batch, vocab] float32. p: the nucleus mass, 0 < p ≤ 1. u: [batch] uniforms in [0, 1).
 * Keep the smallest set of most-probable tokens whose total probability reaches p (the token that
 * crosses p included; ties → lower id first), renormalize, and return int32 [batch]: the first id i
 * (in vocabulary order) whose cumulative renormalized probability is > u (the last kept id if
 * rounding leaves every cumulative value ≤ u). vocab can be 50,257: sort, never compare all pairs.
 */
export function topPSample(logits: tf.Tensor2D, p: number, u: tf.Tensor1D): tf.Tensor1D {
  // TODO: softmax, sort, cumulative mass, mask, renormalize, inverse CDF
  return tf.zeros([logits.shape[0]], 'int32');
}
