import * as tf from '@tensorflow/tfjs';

export function sinusoidalPositionalEncoding(seqLen: number, dModel: number): tf.Tensor {
  const values: number[] = [];
  for (let pos = 0; pos < seqLen; pos++) {
    for (let j = 0; j < dModel; j++) {
      const i = Math.floor(j / 2);
      // Bug: base 1000 instead of 10000.
      const angle = pos / Math.pow(1000, (2 * i) / dModel);
      values.push(j % 2 === 0 ? Math.sin(angle) : Math.cos(angle));
    }
  }
  return tf.tensor2d(values, [seqLen, dModel]);
}
