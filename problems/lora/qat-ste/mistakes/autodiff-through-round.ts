import * as tf from '@tensorflow/tfjs';

function quantile(sorted: number[], q: number): number {
  const pos = q * (sorted.length - 1);
  const i = Math.floor(pos);
  return i + 1 < sorted.length ? sorted[i] + (pos - i) * (sorted[i + 1] - sorted[i]) : sorted[i];
}

export function fakeQuantSTE(
  x: tf.Tensor2D,
  calibration: tf.Tensor1D,
  numBits: number,
  method: 'minmax' | 'percentile',
  percentile: number,
  upstream: tf.Tensor2D,
) {
  const sorted = Array.from(calibration.dataSync()).sort((a, b) => a - b);
  const lo = method === 'minmax' ? sorted[0] : quantile(sorted, 1 - percentile / 100);
  const hi = method === 'minmax' ? sorted[sorted.length - 1] : quantile(sorted, percentile / 100);
  const scale = hi > lo ? (hi - lo) / (2 ** numBits - 1) : 1;
  // Bug: plain autodiff through round(): its true derivative is 0 almost everywhere, so no
  // gradient reaches x at all. The straight-through estimator replaces it with 1 inside the range.
  const fq = (t: tf.Tensor) => t.clipByValue(lo, hi).sub(lo).div(scale).round().mul(scale).add(lo);
  return tf.tidy(() => ({ lo, hi, out: fq(x), grad: tf.grad((t: tf.Tensor) => fq(t).mul(upstream).sum())(x) }));
}
