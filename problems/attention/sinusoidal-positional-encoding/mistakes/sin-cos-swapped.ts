import * as tf from '@tensorflow/tfjs';

export function sinusoidalPositionalEncoding(seqLen: number, dModel: number): tf.Tensor {
  const values: number[] = [];
  for (let pos = 0; pos < seqLen; pos++) {
    for (let j = 0; j < dModel; j++) {
      const i = Math.floor(j / 2);
      const angle = pos / Math.pow(10000, (2 * i) / dModel);
      // Bug: cos on the even columns and sin on the odd ones.
      values.push(j % 2 === 0 ? Math.cos(angle) : Math.sin(angle));
    }
  }
  return tf.tensor2d(values, [seqLen, dModel]);
}
