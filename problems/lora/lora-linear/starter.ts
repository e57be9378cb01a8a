import * as tf from '@tensorflow/tfjs';

/**
 * x: [..., dIn] (rank 2, 3 or 4), w: [dIn, dOut] (frozen), a: [dIn, r], b: [r, dOut].
 * Returns: [..., dOut] = x·w + (alpha / r) · (x·a·b).
 */
export function loraLinear(x: tf.Tensor, w: tf.Tensor, a: tf.Tensor, b: tf.Tensor, alpha: number): tf.Tensor {
  // TODO: base projection x·w plus the low-rank update x·a·b scaled by alpha / r
  return tf.zeros([...x.shape.slice(0, -1), w.shape[w.shape.length - 1]]);
}
