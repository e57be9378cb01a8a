import * as tf from '@tensorflow/tfjs';

/**
 * Fake quantization with a straight-through estimator (QAT).
 * x: [n, d] float32; calibration: [c] float32 samples; numBits b ≥ 1;
 * method: 'minmax' (lo = min, hi = max of calibration) or 'percentile'
 *   (hi = p-th percentile, lo = (100 − p)-th percentile, linear interpolation between order
 *   statistics at position q · (c − 1)); percentile p is ignored for 'minmax';
 * upstream: [n, d], the gradient dL/d out.
 * scale = (hi − lo) / (2^b − 1) (1 when hi = lo);
 * out = lo + scale · round((clip(x, lo, hi) − lo) / scale)   (round half to even);
 * grad = upstream where lo ≤ x ≤ hi, 0 elsewhere (straight-through estimator).
 * Returns { lo, hi } as plain numbers and { out, grad } as float32 [n, d] tensors.
 */
export function fakeQuantSTE(
  x: tf.Tensor2D,
  calibration: tf.Tensor1D,
  numBits: number,
  method: 'minmax' | 'percentile',
  percentile: number,
  upstream: tf.Tensor2D,
): { lo: number; hi: number; out: tf.Tensor2D; grad: tf.Tensor2D } {
  // TODO
  throw new Error('TODO');
}
