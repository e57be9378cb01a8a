import * as tf from '@tensorflow/tfjs';

// Asymmetric (min-max) int4 quantization with one scale and zero point per group of groupSize
// consecutive columns of each row; two codes packed per byte, the even column in the low nibble.
export function quantizeInt4(w: tf.Tensor2D, groupSize: number) {
  return tf.tidy(() => {
    const [rows, cols] = w.shape;
    const groups = w.reshape([rows, cols / groupSize, groupSize]);
    // The range always contains 0, so 0 is exactly representable.
    // Bug: symmetric absmax quantization (scale = absmax / 7, fixed zero point 8), not min-max.
    const absmax = groups.abs().max(2, true);
    const scale = tf.where(absmax.greater(0), absmax.div(7), tf.onesLike(absmax)); // [rows, G, 1]
    const zero = tf.fill(scale.shape, 8);
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
