import * as tf from '@tensorflow/tfjs';

/**
 * QLoRA NF4 block-wise quantization.
 * w: [rows, cols] float32, read row-major and cut into consecutive blocks of blockSize elements
 * (rows · cols is a multiple of blockSize; a block may span rows).
 * Returns:
 *   codes:       [rows, cols] int32 in [0, 15], index of the nearest NF4 level to w / absmax
 *                (exact tie → the lower level; all-zero block → code 7, the level 0)
 *   absmax:      [rows · cols / blockSize] float32, max |w| of each block
 *   dequantized: [rows, cols] float32, NF4[code] · absmax of the element's block
 */
export function quantizeNF4(w: tf.Tensor2D, blockSize: number): { codes: tf.Tensor2D; absmax: tf.Tensor1D; dequantized: tf.Tensor2D } {
  // TODO
  throw new Error('TODO');
}
