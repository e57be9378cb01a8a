import * as tf from '@tensorflow/tfjs';

export function sinusoidalPositionalEncoding(seqLen: number, dModel: number): tf.Tensor {
  const values: number[] = [];
  for (let pos = 0; pos < seqLen; pos++) {
    for (let j = 0; j < dModel; j++) {
      const twoI = j - (j % 2);
      // Bug: multiplies the position by 10000^(2i/d) instead of dividing by it.
      const angle = pos * Math.pow(10000, twoI / dModel);
      values.push(j % 2 === 0 ? Math.sin(angle) : Math.cos(angle));
    }
  }
  return tf.tensor2d(values, [seqLen, dModel]);
}
