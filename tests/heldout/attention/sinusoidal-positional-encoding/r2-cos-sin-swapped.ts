// Held-out wrong variant: puts the cosines in the even columns and the sines in the odd columns (swapped).
import * as tf from '@tensorflow/tfjs';

export function sinusoidalPositionalEncoding(seqLen: number, dModel: number): tf.Tensor {
  const data = new Float32Array(seqLen * dModel);
  for (let pos = 0; pos < seqLen; pos++) {
    for (let i = 0; 2 * i < dModel; i++) {
      const angle = pos / Math.pow(10000, (2 * i) / dModel);
      data[pos * dModel + 2 * i] = Math.cos(angle);
      if (2 * i + 1 < dModel) data[pos * dModel + 2 * i + 1] = Math.sin(angle);
    }
  }
  return tf.tensor2d(data, [seqLen, dModel]);
}
