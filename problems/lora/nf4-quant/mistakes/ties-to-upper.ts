import * as tf from '@tensorflow/tfjs';

// The 16 NormalFloat-4 levels of QLoRA, ascending; code i dequantizes to NF4[i] · absmax.
const NF4 = [
  -1.0, -0.6961928009986877, -0.5250730514526367, -0.39491748809814453, -0.28444138169288635, -0.18477343022823334,
  -0.09105003625154495, 0.0, 0.07958029955625534, 0.16093020141124725, 0.24611230194568634, 0.33791524171829224,
  0.44070982933044434, 0.5626170039176941, 0.7229568362236023, 1.0,
];

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
    const codes = x.expandDims(2).greaterEqual(mids) /* Bug: a tie goes to the upper level */.cast('int32').sum(2); // [numBlocks, blockSize]
    const dequantized = tf.gather(levels, codes.flatten()).reshape([-1, blockSize]).mul(scale);
    return {
      codes: codes.reshape([rows, cols]),
      absmax,
      dequantized: dequantized.reshape([rows, cols]),
    };
  });
}
