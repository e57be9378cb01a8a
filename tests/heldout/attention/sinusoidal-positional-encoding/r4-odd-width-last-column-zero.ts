// Held-out wrong variant: the loop runs over floor(dModel / 2) sin/cos pairs only, so for odd dModel the last (sine) column is left at zero.
import * as tf from '@tensorflow/tfjs';

export function sinusoidalPositionalEncoding(seqLen: number, dModel: number): tf.Tensor {
  const pe = new Float32Array(seqLen * dModel);
  for (let pos = 0; pos < seqLen; pos++) {
    for (let i = 0; i < Math.floor(dModel / 2); i++) {
      const angle = pos / Math.pow(10000, (2 * i) / dModel);
      pe[pos * dModel + 2 * i] = Math.sin(angle);
      pe[pos * dModel + 2 * i + 1] = Math.cos(angle);
    }
  }
  return tf.tensor2d(pe, [seqLen, dModel]);
}
