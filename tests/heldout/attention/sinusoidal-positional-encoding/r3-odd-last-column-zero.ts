// Held-out wrong variant: the loop runs over floor(dModel / 2) sine/cosine pairs only, so when dModel is odd the last (sine) column is left at zero.
import * as tf from '@tensorflow/tfjs';

export function sinusoidalPositionalEncoding(seqLen: number, dModel: number): tf.Tensor {
  const data = new Float32Array(seqLen * dModel);
  const pairs = Math.floor(dModel / 2);
  for (let pos = 0; pos < seqLen; pos++) {
    for (let i = 0; i < pairs; i++) {
      const omega = Math.pow(10000, -(2 * i) / dModel);
      data[pos * dModel + 2 * i] = Math.sin(pos * omega);
      data[pos * dModel + 2 * i + 1] = Math.cos(pos * omega);
    }
  }
  return tf.tensor2d(data, [seqLen, dModel]);
}
