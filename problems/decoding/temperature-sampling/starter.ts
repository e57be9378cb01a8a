import * as tf from '@tensorflow/tfjs';

/**
 * logits: [batch, vocab] float32. temperature: a number ≥ 0. u: [batch] float32 uniforms in [0, 1).
 * Returns: int32 [batch] — row b's id is the first i with cumsum(softmax(logits[b] / T))[i] > u[b].
 * temperature = 0 means greedy: the argmax of each row (ties → lower id). A logit of −Infinity is a
 * banned token (probability 0, never sampled); if rounding leaves every cumsum ≤ u, return the last
 * id that is not banned.
 */
export function temperatureSample(logits: tf.Tensor2D, temperature: number, u: tf.Tensor1D): tf.Tensor1D {
  // TODO: scale by the temperature, softmax, cumulative sum, compare with u
  return tf.zeros([logits.shape[0]], 'int32');
}
