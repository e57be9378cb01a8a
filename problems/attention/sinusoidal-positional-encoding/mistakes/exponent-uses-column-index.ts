import * as tf from '@tensorflow/tfjs';

export function sinusoidalPositionalEncoding(seqLen: number, dModel: number): tf.Tensor {
  const values: number[] = [];
  for (let pos = 0; pos < seqLen; pos++) {
    for (let j = 0; j < dModel; j++) {
      // Bug: exponent j / dModel with the column index, so each cos column gets its own (wrong) frequency.
      const angle = pos / Math.pow(10000, j / dModel);
      values.push(j % 2 === 0 ? Math.sin(angle) : Math.cos(angle));
    }
  }
  return tf.tensor2d(values, [seqLen, dModel]);
}
