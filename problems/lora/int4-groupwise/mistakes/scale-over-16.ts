import * as tf from '@tensorflow/tfjs';

// Asymmetric (min-max) int4 quantization with one scale and zero point per group of groupSize
// consecutive columns of each row; two codes packed per byte, the even column in the low nibble.
export function quantizeInt4(w: tf.Tensor2D, groupSize: number) {
  return tf.tidy(() => {
    const [rows, cols] = w.shape;
    const groups = w.reshape([rows, cols / groupSize, groupSize]);
    // The range always contains 0, so 0 is exactly representable.
    const lo = groups.min(2, true).minimum(0);
    const hi = groups.max(2, true).maximum(0);
    // An all-zero group has no range (hi = lo = 0): give it scale 1, so zero = 0 and q = 0.
    const range = hi.sub(lo);
    const scale = tf.where(range.greater(0), range.div(16) /* Bug: 16 levels means 15 steps, not 16 */, tf.onesLike(range)); // [rows, G, 1]
    const zero = lo.neg().div(scale).round(); // integer in [0, 15]
    const q = groups.div(scale).round().add(zero).clipByValue(0, 15); // round half to even
    const dequantized = q.sub(zero).mul(scale).reshape([rows, cols]);
    const pairs = q.reshape([rows, cols / 2, 2]);
    const packed = pairs.mul(tf.tensor1d([1, 16])).sum(2).cast('int32'); // low nibble = even column
    return {
      packed,
      scale: scale.reshape([rows, cols / groupSize]),
      zero: zero.reshape([rows, cols / groupSize]).cast('int32'),
      dequantized,
    };
  });
}
