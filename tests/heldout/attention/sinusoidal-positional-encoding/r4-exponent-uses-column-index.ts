// Held-out wrong variant: the frequency exponent uses the raw column index j (10000^(-j/dModel)) instead of the even index 2i shared by columns 2i and 2i+1, so cosine columns get a different frequency from their sine partner.
import * as tf from '@tensorflow/tfjs';

export function sinusoidalPositionalEncoding(seqLen: number, dModel: number): tf.Tensor {
  const rows: number[][] = [];
  for (let pos = 0; pos < seqLen; pos++) {
    const row: number[] = [];
    for (let j = 0; j < dModel; j++) {
      const angle = pos / Math.pow(10000, j / dModel);
      row.push(j % 2 === 0 ? Math.sin(angle) : Math.cos(angle));
    }
    rows.push(row);
  }
  return tf.tensor2d(rows, [seqLen, dModel], 'float32');
}
