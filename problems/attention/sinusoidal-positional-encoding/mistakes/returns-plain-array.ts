import * as tf from '@tensorflow/tfjs';

export function sinusoidalPositionalEncoding(seqLen: number, dModel: number): tf.Tensor {
  const table: number[][] = [];
  for (let pos = 0; pos < seqLen; pos++) {
    const row: number[] = [];
    for (let j = 0; j < dModel; j++) {
      const angle = pos / Math.pow(10000, (2 * Math.floor(j / 2)) / dModel);
      row.push(j % 2 === 0 ? Math.sin(angle) : Math.cos(angle));
    }
    table.push(row);
  }
  // Bug: returns the nested JavaScript array instead of a tensor.
  return table as unknown as tf.Tensor;
}
