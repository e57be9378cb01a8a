import * as tf from '@tensorflow/tfjs';

const NF4 = [
  -1.0, -0.6961928009986877, -0.5250730514526367, -0.39491748809814453, -0.28444138169288635, -0.18477343022823334,
  -0.09105003625154495, 0.0, 0.07958029955625534, 0.16093020141124725, 0.24611230194568634, 0.33791524171829224,
  0.44070982933044434, 0.5626170039176941, 0.7229568362236023, 1.0,
];

export function quantizeNF4(w: tf.Tensor2D, blockSize: number) {
  return tf.tidy(() => {
    const [rows, cols] = w.shape;
    const blocks = w.transpose().reshape([-1, blockSize]); // Bug: blocks cut in column-major order
    const absmax = blocks.abs().max(1);
    const scale = absmax.expandDims(1);
    const safe = tf.where(scale.greater(0), scale, tf.onesLike(scale));
    const x = tf.where(scale.greater(0), blocks.div(safe), tf.zerosLike(blocks));
    const levels = tf.tensor1d(NF4);
    const codes = x.expandDims(2).sub(levels).abs().argMin(2).cast('int32');
    const dequantized = tf.gather(levels, codes.flatten()).reshape([-1, blockSize]).mul(scale);
    return {
      codes: codes.reshape([cols, rows]).transpose(),
      absmax,
      dequantized: dequantized.reshape([cols, rows]).transpose(),
    };
  });
}
