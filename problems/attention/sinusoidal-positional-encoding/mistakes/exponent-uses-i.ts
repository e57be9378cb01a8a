import * as tf from '@tensorflow/tfjs';

export function sinusoidalPositionalEncoding(seqLen: number, dModel: number): tf.Tensor {
  const values: number[] = [];
  for (let pos = 0; pos < seqLen; pos++) {
    for (let j = 0; j < dModel; j++) {
      const i = Math.floor(j / 2);
      // Bug: exponent i / dModel instead of 2i / dModel, so frequencies decay half as fast.
      const angle = pos / Math.pow(10000, i / dModel);
      values.push(j % 2 === 0 ? Math.sin(angle) : Math.cos(angle));
    }
  }
  return tf.tensor2d(values, [seqLen, dModel]);
}
