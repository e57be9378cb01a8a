import * as tf from '@tensorflow/tfjs';

function quantile(sorted: number[], q: number): number {
  const C = sorted.length;
  const pos = q * (C - 1);
  const i = Math.floor(pos);
  if (i >= C - 1) return sorted[C - 1];
  return sorted[i] + (pos - i) * (sorted[i + 1] - sorted[i]);
}

function roundHalfEven(v: number): number {
  const f = Math.floor(v);
  const diff = v - f;
  if (diff < 0.5) return f;
  if (diff > 0.5) return f + 1;
  return f % 2 === 0 ? f : f + 1;
}

// Element-wise loop implementation over dataSync() buffers.
export function fakeQuantSTE(
  x: tf.Tensor2D,
  calibration: tf.Tensor1D,
  numBits: number,
  method: 'minmax' | 'percentile',
  percentile: number,
  upstream: tf.Tensor2D,
): { lo: number; hi: number; out: tf.Tensor2D; grad: tf.Tensor2D } {
  const cal = Array.from(calibration.dataSync()).sort((p, q) => p - q);
  let lo: number;
  let hi: number;
  if (method === 'minmax') {
    lo = cal[0];
    hi = cal[cal.length - 1];
  } else {
    hi = quantile(cal, percentile / 100);
    lo = quantile(cal, 1 - percentile / 100);
  }
  const s = hi > lo ? (hi - lo) / (Math.pow(2, numBits) - 1) : 1;

  const xv = x.dataSync();
  const gv = upstream.dataSync();
  const out = new Float32Array(xv.length);
  const grad = new Float32Array(xv.length);
  for (let i = 0; i < xv.length; i++) {
    const v = xv[i];
    const c = Math.min(Math.max(v, lo), hi);
    out[i] = lo + s * roundHalfEven((c - lo) / s);
    grad[i] = v >= lo && v <= hi ? gv[i] : 0;
  }
  const shape = x.shape as [number, number];
  return { lo, hi, out: tf.tensor2d(out, shape), grad: tf.tensor2d(grad, shape) };
}
