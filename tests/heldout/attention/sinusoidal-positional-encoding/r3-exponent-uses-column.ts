// Held-out wrong variant: the frequency exponent uses the column index j itself, so each odd (cosine) column uses 10000^(-j/dModel) rather than sharing its even partner's 10000^(-2i/dModel).
import * as tf from '@tensorflow/tfjs';

export function sinusoidalPositionalEncoding(seqLen: number, dModel: number): tf.Tensor {
  const pe: number[][] = [];
  for (let pos = 0; pos < seqLen; pos++) {
    const row: number[] = [];
    for (let j = 0; j < dModel; j++) {
      const angle = pos / Math.pow(10000, j / dModel);
      row.push(j % 2 === 0 ? Math.sin(angle) : Math.cos(angle));
    }
    pe.push(row);
  }
  return tf.tensor2d(pe, [seqLen, dModel], 'float32');
}
