import * as tf from '@tensorflow/tfjs';

/**
 * LLM.int8() mixed-precision matmul  x @ w.
 * x: [n, d] float32 activations, w: [d, m] float32 weights, threshold > 0.
 * Outlier features: columns j of x with |x[i, j]| > threshold for some row i. Those columns of x
 * and the matching rows of w are multiplied in float32. Everything else is quantized to int8
 * (absmax / 127, round half to even, clip ±127): x per ROW over the non-outlier columns, w per
 * COLUMN over the non-outlier rows (scale 1 where that absmax is 0), multiplied as integers, and
 * rescaled by xScale[i] · wScale[k]. The two parts are added.
 * Returns { out: [n, m] float32, outliers: [d] int32 0/1, xScale: [n, 1] float32, wScale: [1, m] float32 }.
 */
export function int8Matmul(
  x: tf.Tensor2D,
  w: tf.Tensor2D,
  threshold: number,
): { out: tf.Tensor2D; outliers: tf.Tensor1D; xScale: tf.Tensor2D; wScale: tf.Tensor2D } {
  // TODO
  throw new Error('TODO');
}
