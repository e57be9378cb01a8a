// Held-out wrong variant: all-zero rows are not special-cased, so their scale is 0 (and q = round(0/0)) instead of a positive scale such as 1.
import * as tf from '@tensorflow/tfjs';

export function quantizeInt8(w: tf.Tensor2D) {
  return tf.tidy(() => {
    const absmax = w.abs().max(1, true);
    const scale = absmax.div(127);
    const q = w.div(scale).round().clipByValue(-127, 127).cast('int32');
    const dequantized = q.cast('float32').mul(scale);
    return { q, scale, dequantized };
  });
}
