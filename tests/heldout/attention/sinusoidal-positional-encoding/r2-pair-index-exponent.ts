// Held-out wrong variant: uses the pair index i instead of the even column index 2i in the exponent: 10000^(i / dModel).
import * as tf from '@tensorflow/tfjs';

export function sinusoidalPositionalEncoding(seqLen: number, dModel: number): tf.Tensor {
  const data = new Float32Array(seqLen * dModel);
  for (let pos = 0; pos < seqLen; pos++) {
    for (let i = 0; 2 * i < dModel; i++) {
      const angle = pos / Math.pow(10000, i / dModel);
      data[pos * dModel + 2 * i] = Math.sin(angle);
      if (2 * i + 1 < dModel) data[pos * dModel + 2 * i + 1] = Math.cos(angle);
    }
  }
  return tf.tensor2d(data, [seqLen, dModel]);
}
